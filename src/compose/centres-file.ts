import { readFileSync } from "node:fs";
import { z } from "zod";
import { PROFILE_IDS } from "../policy/profiles/index.js";
// A centre's id names its tables (`<prefix><id>Cases`) and its API (`/api/centres/<id>/…`): the store's rule.
import { CENTRE_ID } from "../store/create-table-store.js";

const email = z.string().trim().toLowerCase().pipe(z.email());
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use 24-hour HH:MM, e.g. 09:00");
/** A postcode district or sector as a council names its areas: `DA5`, `DA15 8`, `SE2`. */
const postcodeArea = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}\d[A-Z\d]?( \d)?$/, "a postcode district or sector, e.g. DA5 or DA15 8");

const centreEntry = z
  .object({
    id: z
      .string()
      .regex(CENTRE_ID, "lower-case letters and digits, starting with a letter, at most 12; not county or frontdoor"),
    /** As letters name it: "Northumberland Park Family Centre". */
    name: z.string().trim().min(1),
    mailbox: email,
    earlyHelpDesk: z.array(email).min(1).optional(),
    profile: z.enum(PROFILE_IDS).optional(),
    closureDays: z.array(z.iso.date()).optional(),
    workingHours: z.object({ start: hhmm, end: hhmm }).strict().optional(),
    agendaAt: hhmm.optional(),
    intakeFrom: z.iso.datetime({ offset: true }).optional(),
    /** Where the county's shared Front Door address sends a referral naming one of these. */
    areas: z
      .object({
        postcodes: z.array(postcodeArea).default([]),
        schools: z.array(z.string().trim().min(3)).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

export const centresFileSchema = z
  .object({ centres: z.array(centreEntry).min(1).max(100) })
  .strict()
  .superRefine((file, ctx) => {
    const once = (key: "id" | "mailbox") => {
      const seen = new Set<string>();
      file.centres.forEach((centre, index) => {
        if (seen.has(centre[key])) {
          ctx.addIssue({ code: "custom", path: ["centres", index, key], message: `${centre[key]} is given twice` });
        }
        seen.add(centre[key]);
      });
    };
    once("id");
    once("mailbox");
  });

export type CentresFile = z.infer<typeof centresFileSchema>;
export type CentreEntry = CentresFile["centres"][number];

/** Reads FC_CENTRES_FILE; answers the problems to name (each with its place in the file) or the centres. */
export function readCentresFile(path: string): { problems: string[] } | { file: CentresFile } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const why = error instanceof SyntaxError ? `is not JSON (${error.message})` : "cannot be read: check the path";
    return { problems: [`FC_CENTRES_FILE: ${path} ${why}`] };
  }
  const parsed = centresFileSchema.safeParse(json);
  if (parsed.success) return { file: parsed.data };
  return {
    problems: parsed.error.issues.map((i) => `FC_CENTRES_FILE ${i.path.join(".") || "(file)"}: ${i.message}`),
  };
}
