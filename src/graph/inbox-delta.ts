import type { Logger } from "../logging/logger.js";
import type { InboxPage } from "../ports/mailbox.js";
import { GraphMailboxError, requestFailed } from "./errors.js";
import type { GraphClient } from "./graph-client.js";
import { MESSAGE_SELECT, splitReadable, type GraphMessage } from "./graph-message.js";
import type { MessageReader } from "./message-reader.js";

const OPERATION = "read the inbox changes";

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
}

/**
 * One page of the inbox delta from `link` (a round's `@odata.nextLink`, the last round's `@odata.deltaLink`, or
 * none: from the start). Delta is asked for everything a message is read for (MESSAGE_SELECT), so a new message
 * costs no read of its own; one that comes without `internetMessageHeaders` (not promised in a delta; loop and
 * autoreply detection need them) is read in full, in `$batch`.
 * An expired link (410 Gone / syncStateNotFound) restarts from the beginning and says so with `resynced`.
 */
export const readInboxDeltaPage = async (
  graph: GraphClient,
  reader: MessageReader,
  userPath: string,
  link: string | undefined,
  options: InboxDeltaOptions,
  log: Logger,
): Promise<InboxPage> => {
  try {
    return await readPage(graph, reader, startPath(graph, userPath, link, options), options, false);
  } catch (error) {
    if (!(link && error instanceof GraphMailboxError && error.code === "GRAPH.SYNC_RESET")) throw error;
    log.warn("graph.inbox.resync", { status: error.status, graphCode: error.graphCode });
    return await readPage(graph, reader, startPath(graph, userPath, undefined, options), options, true);
  }
};

const startPath = (
  graph: GraphClient,
  userPath: string,
  link: string | undefined,
  options: InboxDeltaOptions,
): string => {
  if (link) return graph.relativeLink(link);
  const filter = options.receivedSince
    ? `&$filter=${encodeURIComponent(`receivedDateTime ge ${new Date(options.receivedSince).toISOString()}`)}`
    : "";
  return `${userPath}/mailFolders/inbox/messages/delta?$select=${MESSAGE_SELECT}${filter}`;
};

const readPage = async (
  graph: GraphClient,
  reader: MessageReader,
  path: string,
  options: InboxDeltaOptions,
  resynced: boolean,
): Promise<InboxPage> => {
  const page = await graph.get<DeltaPage>(path, {
    operation: OPERATION,
    resource: "inbox sync state",
    headers: { Prefer: `odata.maxpagesize=${options.pageSize}` },
  });
  const changed = new Map<string, GraphMessage>();
  const removed = new Set<string>();
  for (const item of page.value ?? []) {
    if (item["@removed"]) {
      changed.delete(item.id);
      removed.add(item.id);
    } else {
      removed.delete(item.id);
      changed.set(item.id, item);
    }
  }
  const nextLink = page["@odata.nextLink"];
  const deltaLink = page["@odata.deltaLink"];
  const next = nextLink ? { page: nextLink } : deltaLink ? { round: deltaLink } : undefined;
  if (next === undefined) throw requestFailed(OPERATION, 200, "NoDeltaLink");
  const { messages, unreadable } = splitReadable(await reader.complete([...changed.values()]));
  return { messages, unreadable, removedIds: [...removed], next, resynced };
};
