import { z } from "zod";
import { badRequest } from "./errors.js";

/** Graph shows the address as the name when a client gives none. */
const recipient = z
  .object({ emailAddress: z.object({ address: z.string().min(1), name: z.string().optional() }) })
  .transform(({ emailAddress: { address, name } }) => ({ emailAddress: { address, name: name ?? address } }));
const recipients = z.array(recipient);

/** The message properties a client may write (create, createReply's `message`, sendMail, PATCH). */
export const writableMessage = z.strictObject({
  "@odata.type": z.string().optional(),
  subject: z.string().optional(),
  body: z
    .object({
      contentType: z
        .string()
        .transform((s) => s.toLowerCase())
        .pipe(z.enum(["html", "text"])),
      content: z.string(),
    })
    .optional(),
  toRecipients: recipients.optional(),
  ccRecipients: recipients.optional(),
  bccRecipients: recipients.optional(),
  replyTo: recipients.optional(),
  from: recipient.optional(),
  sender: recipient.optional(),
  importance: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(["low", "normal", "high"]))
    .optional(),
  isRead: z.boolean().optional(),
  categories: z.array(z.string()).optional(),
  internetMessageHeaders: z.array(z.object({ name: z.string().min(1), value: z.string() })).optional(),
  singleValueExtendedProperties: z.array(z.object({ id: z.string().min(1), value: z.string() })).optional(),
});
export type WritableMessage = z.infer<typeof writableMessage>;

/** Reads a request body as message properties, answering Graph's `RequestBodyRead` for anything else. */
export function readWritableMessage(body: unknown): WritableMessage {
  const parsed = writableMessage.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(
      "RequestBodyRead",
      `The message in the request body is not valid at '${issue?.path.join(".") ?? ""}': ${issue?.message ?? "invalid"}.`,
    );
  }
  for (const header of parsed.data.internetMessageHeaders ?? []) {
    if (!/^x-/i.test(header.name)) {
      throw badRequest(
        "InvalidInternetMessageHeader",
        `The internet message header name '${header.name}' should start with 'x-' or 'X-'.`,
      );
    }
  }
  return parsed.data;
}
