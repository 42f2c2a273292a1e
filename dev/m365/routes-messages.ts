import type { Express, Request } from "express";
import { mailboxOf, queryOption, preferences, renderOptions, type StandInContext } from "./context.js";
import { badRequest, GraphError } from "./errors.js";
import { FOLDER_IDS, folderNamed, parseSelect, toResource } from "./message-resource.js";
import { FOLDERS, type FolderName, type StoredMessage } from "./message.js";
import { parseExpand, parseFilter, parseOrderBy, parseTop } from "./odata-query.js";
import type { DeltaChangeType, ReceivedFilter } from "./delta-tokens.js";
import { registerAttachmentRoutes } from "./routes-attachments.js";

const DEFAULT_PAGE = 10;
const MAX_DELTA_PAGE = 1000;

function folderParam(req: Request): FolderName {
  const name = String(req.params.folder);
  const folder = folderNamed(name);
  if (!folder) throw new GraphError(404, "ErrorInvalidIdMalformed", `The stand-in has no mail folder '${name}'.`);
  return folder;
}

/** Reads $select and $expand up front, so a bad option is refused even when nothing matches. */
function renderer(req: Request, context: StandInContext): (message: StoredMessage) => Record<string, unknown> {
  const options = {
    ...renderOptions(req, context),
    select: parseSelect(queryOption(req, "$select")),
    expandPropertyIds: parseExpand(queryOption(req, "$expand")),
  };
  return (message) => toResource(message, options);
}

/** Reading the mailbox: folder lists with OData options, single messages, attachments, MIME, and delta. */
export function registerMessageRoutes(app: Express, context: StandInContext): void {
  app.get("/v1.0/users/:user/mailFolders/:folder/messages/delta", (req, res) => {
    const folder = folderParam(req);
    const requested = Number(preferences(req).get("odata.maxpagesize") ?? DEFAULT_PAGE);
    const pageSize = Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_DELTA_PAGE) : DEFAULT_PAGE;
    if (queryOption(req, "$orderby") !== undefined) {
      throw badRequest("ErrorInvalidUrlQuery", "The stand-in's delta query does not support $orderby.");
    }
    const filter = parseDeltaFilter(queryOption(req, "$filter"));
    const changeType = parseChangeType(queryOption(req, "changeType"));
    const page = mailboxOf(req, context).deltaTokens.page(
      folder,
      {
        select: parseSelect(queryOption(req, "$select")),
        ...(filter ? { filter } : {}),
        ...(changeType ? { changeType } : {}),
        skiptoken: queryOption(req, "$skiptoken"),
        deltatoken: queryOption(req, "$deltatoken"),
      },
      pageSize,
    );
    const [name, value] =
      "skiptoken" in page.next ? ["$skiptoken", page.next.skiptoken] : ["$deltatoken", page.next.deltatoken];
    // Written as Graph writes its links: absolute, with the `$` of the token unencoded.
    const link = `${context.origin()}${req.path}?${name}=${encodeURIComponent(value)}`;
    const render = (message: StoredMessage) =>
      toResource(message, { ...renderOptions(req, context), select: page.select });
    res.set("Preference-Applied", appliedPreferences(req, pageSize));
    res.json({
      "@odata.context": `${context.origin()}/v1.0/$metadata#Collection(message)`,
      value: page.items.map((item) =>
        "removedId" in item
          ? { "@odata.type": "#microsoft.graph.message", id: item.removedId, "@removed": { reason: "deleted" } }
          : "changed" in item
            ? changedOnly(render(item.message), item.changed)
            : render(item.message),
      ),
      [name === "$skiptoken" ? "@odata.nextLink" : "@odata.deltaLink"]: link,
    });
  });

  app.get("/v1.0/users/:user/mailFolders/:folder", (req, res) => {
    const folder = folderParam(req);
    const messages = mailboxOf(req, context).store.list(folder);
    res.json({
      id: FOLDER_IDS[folder],
      displayName: folder,
      totalItemCount: messages.length,
      unreadItemCount: messages.filter((m) => !m.isRead).length,
    });
  });

  /**
   * One page of `messages` after $filter, $orderby, $skip and $top, with an `@odata.nextLink` when more match (as
   * Graph pages a list); unsupported options are refused before any matching.
   */
  const listed = (req: Request, messages: readonly StoredMessage[]) => {
    const render = renderer(req, context);
    const matches = parseFilter(queryOption(req, "$filter"));
    const top = parseTop(queryOption(req, "$top"), DEFAULT_PAGE);
    const skip = Number(queryOption(req, "$skip") ?? 0);
    if (!Number.isInteger(skip) || skip < 0) throw badRequest("BadRequest", "$skip must be a whole number.");
    const found = messages.filter(matches).sort(parseOrderBy(queryOption(req, "$orderby")));
    const next = new URLSearchParams(req.query as Record<string, string>);
    next.set("$skip", String(skip + top));
    return {
      value: found.slice(skip, skip + top).map(render),
      ...(found.length > skip + top ? { "@odata.nextLink": `${context.origin()}${req.path}?${next}` } : {}),
    };
  };

  app.get("/v1.0/users/:user/mailFolders/:folder/messages", (req, res) => {
    const folder = folderParam(req);
    res.json({
      "@odata.context": `${context.origin()}/v1.0/$metadata#users('${req.params.user}')/mailFolders('${folder}')/messages`,
      ...listed(req, mailboxOf(req, context).store.list(folder)),
    });
  });

  // The whole mailbox, every folder: how a client finds a message by its internetMessageId.
  app.get("/v1.0/users/:user/messages", (req, res) => {
    const { store } = mailboxOf(req, context);
    res.json({
      "@odata.context": `${context.origin()}/v1.0/$metadata#users('${req.params.user}')/messages`,
      ...listed(
        req,
        FOLDERS.flatMap((folder) => store.list(folder)),
      ),
    });
  });

  const messagePaths = ["/v1.0/users/:user/messages/:id", "/v1.0/users/:user/mailFolders/:folder/messages/:id"];

  app.get(messagePaths, (req, res) => {
    res.set("Preference-Applied", appliedPreferences(req));
    res.json(renderer(req, context)(mailboxOf(req, context).store.get(String(req.params.id))));
  });

  app.delete(messagePaths, (req, res) => {
    mailboxOf(req, context).store.update(String(req.params.id), (m) => (m.folder = "deleteditems"));
    res.status(204).end();
  });

  app.get("/v1.0/users/:user/messages/:id/$value", (req, res) => {
    const message = mailboxOf(req, context).store.get(String(req.params.id));
    if (!message.raw)
      throw new GraphError(404, "ErrorItemNotFound", "This draft has no MIME content until it is sent.");
    res.type("message/rfc822").send(message.raw);
  });

  registerAttachmentRoutes(app, context);
}

/** An updated message as delta gives it: its id, etag and the properties that changed, nothing else. */
function changedOnly(resource: Record<string, unknown>, changed: readonly string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = { "@odata.etag": resource["@odata.etag"], id: resource.id };
  for (const name of changed) if (name in resource) kept[name] = resource[name];
  return kept;
}

/** `$filter` on message delta: `receivedDateTime ge|gt <instant>` only, as Graph documents it. */
function parseDeltaFilter(filter: string | undefined): ReceivedFilter | undefined {
  if (filter === undefined) return undefined;
  const match = /^receivedDateTime\s+(ge|gt)\s+(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))$/i.exec(filter.trim());
  const atMs = Date.parse(match?.[2] ?? "");
  if (!match || Number.isNaN(atMs)) {
    throw badRequest(
      "ErrorInvalidUrlQueryFilter",
      "Message delta supports only $filter=receivedDateTime ge <instant> or receivedDateTime gt <instant>.",
    );
  }
  return { inclusive: (match[1] ?? "").toLowerCase() === "ge", atMs };
}

function parseChangeType(value: string | undefined): DeltaChangeType | undefined {
  if (value === undefined) return undefined;
  if (value === "created" || value === "updated" || value === "deleted") return value;
  throw badRequest("ErrorInvalidUrlQuery", `changeType must be created, updated or deleted, not '${value}'.`);
}

/** Echoes the preferences honoured, as Graph does in `Preference-Applied`. */
export function appliedPreferences(req: Request, pageSize?: number): string {
  const asked = preferences(req);
  const applied: string[] = [];
  if (asked.get("idtype")?.toLowerCase() === "immutableid") applied.push('IdType="ImmutableId"');
  if (pageSize !== undefined && asked.has("odata.maxpagesize")) applied.push(`odata.maxpagesize=${pageSize}`);
  const bodyType = asked.get("outlook.body-content-type")?.toLowerCase();
  if (bodyType === "text" || bodyType === "html") applied.push(`outlook.body-content-type="${bodyType}"`);
  return applied.join(", ");
}
