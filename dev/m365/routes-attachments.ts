import type { Express, Request } from "express";
import { mailboxOf, queryOption, type StandInContext } from "./context.js";
import { GraphError } from "./errors.js";
import type { StoredAttachment } from "./message.js";
import { parseMime } from "./parse-mime.js";

/** The attachment a `…/messages/:id/attachments/:attachmentId` route names, in the route's mailbox. */
const attachmentOf = (req: Request, context: StandInContext): StoredAttachment => {
  const message = mailboxOf(req, context).store.get(String(req.params.id));
  const attachment = message.attachments.find((a) => a.id === String(req.params.attachmentId));
  if (!attachment) throw new GraphError(404, "ErrorItemNotFound", "The attachment was not found.");
  return attachment;
};

/**
 * A file attachment as Graph gives it, or an item attachment: an attached message, with `contentType` null and no
 * bytes (its MIME is at `/$value`, its properties under `$expand`).
 */
const resource = ({ contentBytes, kind, ...metadata }: StoredAttachment, withBytes: boolean) =>
  kind === "item"
    ? { "@odata.type": "#microsoft.graph.itemAttachment", ...metadata, contentType: null }
    : { "@odata.type": "#microsoft.graph.fileAttachment", ...metadata, ...(withBytes ? { contentBytes } : {}) };

/** A message's attachments: the list, one attachment (an item's message under `$expand`), and its raw `$value`. */
export function registerAttachmentRoutes(app: Express, context: StandInContext): void {
  app.get("/v1.0/users/:user/messages/:id/attachments", (req, res) => {
    const withBytes = /(^|,)\s*contentBytes\s*(,|$)/i.test(queryOption(req, "$select") ?? "");
    const { store } = mailboxOf(req, context);
    res.json({ value: store.get(String(req.params.id)).attachments.map((a) => resource(a, withBytes)) });
  });

  app.get("/v1.0/users/:user/messages/:id/attachments/:attachmentId", async (req, res) => {
    const attachment = attachmentOf(req, context);
    const expandItem = /itemattachment\/item/i.test(queryOption(req, "$expand") ?? "");
    if (attachment.kind !== "item" || !expandItem) return void res.json(resource(attachment, true));
    // The attached message's properties; internetMessageHeaders only when asked for by $select, which this omits.
    const item = await parseMime(Buffer.from(attachment.contentBytes, "base64"));
    res.json({
      ...resource(attachment, false),
      item: {
        "@odata.type": "#microsoft.graph.message",
        id: "",
        subject: item.subject,
        internetMessageId: item.internetMessageId ?? null,
        from: item.from ?? null,
        toRecipients: item.toRecipients,
        body: item.body,
      },
    });
  });

  app.get("/v1.0/users/:user/messages/:id/attachments/:attachmentId/$value", (req, res) => {
    const attachment = attachmentOf(req, context);
    const bytes = Buffer.from(attachment.contentBytes, "base64");
    res.type(attachment.kind === "item" ? "message/rfc822" : attachment.contentType).send(bytes);
  });
}
