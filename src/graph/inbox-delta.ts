import type { Logger } from "../logging/logger.js";
import type { InboxPage } from "../ports/mailbox.js";
import { GraphMailboxError, requestFailed } from "./errors.js";
import type { GraphClient } from "./graph-client.js";
import { MESSAGE_SELECT, splitReadable, type GraphMessage } from "./graph-message.js";
import { decodeInboxLink, encodeInboxLink, type InboxLink } from "./inbox-links.js";
import type { MessageReader } from "./message-reader.js";

const OPERATION = "read the inbox changes";

/** Graph returns at most this many messages from a `receivedDateTime`-filtered delta round. */
export const FILTERED_ROUND_CAP = 5000;

interface DeltaPage {
  readonly value?: readonly GraphMessage[];
  readonly "@odata.nextLink"?: string;
  readonly "@odata.deltaLink"?: string;
}

export interface InboxDeltaOptions {
  /** Messages per delta page (`Prefer: odata.maxpagesize`). */
  readonly pageSize: number;
  /** Bounds a first read or a resync to mail received since this instant (the only filter delta supports). */
  readonly receivedSince?: string;
  /** How many messages a filtered round returns before it may have left some out (Graph: 5,000). */
  readonly filteredRoundCap?: number;
}

/**
 * One page of the inbox from `link` (a page's `next`, or none: a new round from `receivedSince`). Delta is asked for
 * new mail only (`changeType=created`: an update would come with only its changed properties, and intake has nothing
 * to do with it) and for everything a message is read for (MESSAGE_SELECT), so a new message costs no read of its
 * own; one that comes without `internetMessageHeaders` is read in full, in `$batch`. A bounded first round that
 * reaches Graph's cap may have left messages out: its window is then read again in full, as a plain list, before its
 * delta link is used. An expired link (410 Gone / syncStateNotFound) restarts from `receivedSince`, and says so.
 */
export const readInboxDeltaPage = async (
  graph: GraphClient,
  reader: MessageReader,
  userPath: string,
  link: string | undefined,
  options: InboxDeltaOptions,
  log: Logger,
): Promise<InboxPage> => {
  const from = link === undefined ? undefined : decodeInboxLink(link);
  const context = { graph, reader, userPath, options };
  try {
    return await readFrom(context, from, false);
  } catch (error) {
    if (!(from && error instanceof GraphMailboxError && error.code === "GRAPH.SYNC_RESET")) throw error;
    log.warn("graph.inbox.resync", { status: error.status, graphCode: error.graphCode });
    return await readFrom(context, undefined, true);
  }
};

interface ReadContext {
  readonly graph: GraphClient;
  readonly reader: MessageReader;
  readonly userPath: string;
  readonly options: InboxDeltaOptions;
}

const readFrom = async (context: ReadContext, from: InboxLink | undefined, resynced: boolean): Promise<InboxPage> => {
  if (from?.kind === "sweep") return readSweepPage(context, from);
  const { graph, userPath, options } = context;
  const since = from?.kind === "bounded" ? from.since : from === undefined ? options.receivedSince : undefined;
  const path = from === undefined ? startPath(userPath, since) : graph.relativeLink(from.link);
  const page = await graph.get<DeltaPage>(path, {
    operation: OPERATION,
    resource: "inbox sync state",
    headers: { Prefer: `odata.maxpagesize=${options.pageSize}` },
  });
  const delivered = page.value ?? [];
  const count = (from?.kind === "bounded" ? from.count : 0) + delivered.length;
  const nextLink = page["@odata.nextLink"];
  const deltaLink = page["@odata.deltaLink"];
  const onward = (): InboxPage["next"] => {
    if (nextLink) {
      return { page: encodeInboxLink(since ? { kind: "bounded", link: nextLink, since, count } : graphLink(nextLink)) };
    }
    if (!deltaLink) throw requestFailed(OPERATION, 200, "NoDeltaLink");
    if (since && count >= (options.filteredRoundCap ?? FILTERED_ROUND_CAP)) {
      return { page: encodeInboxLink({ kind: "sweep", link: sweepPath(userPath, since, options), then: deltaLink }) };
    }
    return { round: deltaLink };
  };
  const next = onward();
  return { ...(await readMessages(context, delivered)), next, resynced };
};

const graphLink = (link: string): InboxLink => ({ kind: "graph", link });

const startPath = (userPath: string, receivedSince: string | undefined): string => {
  const filter = receivedSince
    ? `&$filter=${encodeURIComponent(`receivedDateTime ge ${new Date(receivedSince).toISOString()}`)}`
    : "";
  return `${userPath}/mailFolders/inbox/messages/delta?changeType=created&$select=${MESSAGE_SELECT}${filter}`;
};

/** The bounded window as a plain list, oldest first, a page at a time (a list has no cap). */
const sweepPath = (userPath: string, since: string, options: InboxDeltaOptions): string => {
  const filter = encodeURIComponent(`receivedDateTime ge ${new Date(since).toISOString()}`);
  return (
    `${userPath}/mailFolders/inbox/messages?$filter=${filter}&$orderby=${encodeURIComponent("receivedDateTime asc")}` +
    `&$top=${options.pageSize}&$select=${MESSAGE_SELECT}`
  );
};

const readSweepPage = async (context: ReadContext, from: Extract<InboxLink, { kind: "sweep" }>): Promise<InboxPage> => {
  const page = await context.graph.get<DeltaPage>(context.graph.relativeLink(from.link), { operation: OPERATION });
  const nextLink = page["@odata.nextLink"];
  const next = nextLink
    ? { page: encodeInboxLink({ kind: "sweep", link: nextLink, then: from.then }) }
    : { round: from.then };
  return { ...(await readMessages(context, page.value ?? [])), next, resynced: false };
};

const readMessages = async (
  { reader }: ReadContext,
  delivered: readonly GraphMessage[],
): Promise<Pick<InboxPage, "messages" | "unreadable" | "removedIds">> => {
  const changed = new Map<string, GraphMessage>();
  const removed = new Set<string>();
  for (const item of delivered) {
    if (item["@removed"]) {
      changed.delete(item.id);
      removed.add(item.id);
    } else {
      removed.delete(item.id);
      changed.set(item.id, item);
    }
  }
  const { messages, unreadable } = splitReadable(await reader.complete([...changed.values()]));
  return { messages, unreadable, removedIds: [...removed] };
};
