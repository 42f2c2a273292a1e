import { z } from "zod";
import type { ClosureDay } from "./calendar.js";
import { describeIssue } from "./describe-issue.js";
import { badClosureDaysFile } from "./errors.js";
import { isLocalDate } from "./local-date.js";

const closureDaysSchema = z.array(
  z.object({
    date: z.string().refine(isLocalDate, { message: "must be a real date written YYYY-MM-DD" }),
    name: z.string().min(1),
  }),
);

/** Reads a Family Centre's closure days from the text of a JSON list: `[{"date": "YYYY-MM-DD", "name": "…"}]`. */
export function parseClosureDays(text: string): readonly ClosureDay[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badClosureDaysFile("it is not JSON");
  }
  const parsed = closureDaysSchema.safeParse(json);
  if (!parsed.success) throw badClosureDaysFile(describeIssue(parsed.error));
  return parsed.data;
}
