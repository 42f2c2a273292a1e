import type { Express, Request } from "express";
import { mailboxOf, renderOptions, type StandInContext } from "./context.js";
import { badRequest } from "./errors.js";
import { folderNamed, toResource } from "./message-resource.js";
import type { StoredMessage } from "./message.js";
import { readWritableMessage } from "./writable-message.js";

const bodyObject = (req: Request): Record<string, unknown> =>
  typeof req.body === "object" && req.body !== null ? (req.body as Record<string, unknown>) : {};

/** Writing mail: drafts, createReply, PATCH, send, sendMail. */
export function registerSendRoutes(app: Express, context: StandInContext): void {
  const composer = (req: Request) => mailboxOf(req, context).composer;
  const created = (req: Request, message: StoredMessage) => toResource(message, renderOptions(req, context));

  app.post("/v1.0/users/:user/messages", (req, res) => {
    res.status(201).json(created(req, composer(req).createDraft(readWritableMessage(req.body))));
  });

  app.post("/v1.0/users/:user/messages/:id/createReply", (req, res) => {
    const { message, comment, ...rest } = bodyObject(req);
    if (Object.keys(rest).length > 0)
      throw badRequest(
        "RequestBodyRead",
        `createReply takes 'message' and 'comment' only, not '${Object.keys(rest).join("', '")}'.`,
      );
    if (comment !== undefined && typeof comment !== "string")
      throw badRequest("RequestBodyRead", "comment must be a string.");
    const fields = readWritableMessage(message);
    if (comment !== undefined && fields.body !== undefined)
      throw badRequest("RequestBodyRead", "createReply takes a comment or message.body, not both.");
    // The docs promise createReply's `message` only its writable properties: a client must check for its marker.
    const kept = context.faults.get().createReplyDropsMarker
      ? { ...fields, singleValueExtendedProperties: undefined, internetMessageHeaders: undefined }
      : fields;
    const draft = composer(req).createReply(String(req.params.id), kept, comment);
    res.status(201).json(created(req, draft));
  });

  app.patch("/v1.0/users/:user/messages/:id", (req, res) => {
    res.json(created(req, composer(req).patch(String(req.params.id), readWritableMessage(req.body))));
  });

  app.post("/v1.0/users/:user/messages/:id/send", async (req, res) => {
    await composer(req).send(String(req.params.id));
    // Exchange took the message, but its answer is lost on the way back: the client cannot tell it was sent.
    if (context.faults.dropsSendResponse()) {
      mailboxOf(req, context).stats.countSendResponseDropped();
      res.socket?.destroy();
      return;
    }
    res.status(202).end();
  });

  // A move keeps the immutable id, and in the destination the message is new (delta reports it as created).
  app.post("/v1.0/users/:user/messages/:id/move", (req, res) => {
    const { destinationId, ...rest } = bodyObject(req);
    const destination = typeof destinationId === "string" ? folderNamed(destinationId) : undefined;
    if (Object.keys(rest).length > 0 || destination === undefined)
      throw badRequest("ErrorInvalidRequest", "move takes a destinationId: a folder id or a well-known folder name.");
    res.status(201).json(
      created(
        req,
        mailboxOf(req, context).store.update(String(req.params.id), (m) => (m.folder = destination)),
      ),
    );
  });

  app.post("/v1.0/users/:user/sendMail", async (req, res) => {
    const { message, saveToSentItems, ...rest } = bodyObject(req);
    if (Object.keys(rest).length > 0)
      throw badRequest("RequestBodyRead", `sendMail takes 'message' and 'saveToSentItems' only.`);
    if (message === undefined) throw badRequest("ErrorInvalidRequest", "sendMail needs a message.");
    await composer(req).sendMail(readWritableMessage(message), saveToSentItems !== false);
    res.status(202).end();
  });
}
