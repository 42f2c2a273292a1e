import type { Logger } from "../logging/logger.js";
import type { InboxChanges } from "../ports.js";
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
 * Follows the inbox delta from `deltaLink` (or from the start) through every `@odata.nextLink` to the new
 * `@odata.deltaLink`. Delta is asked for everything a message is read for (MESSAGE_SELECT), so a new message costs
 * no read of its own; one that comes without `internetMessageHeaders` (not promised in a delta; loop and autoreply
 * detection need them) is read in full, in `$batch`.
 * An expired link (410 Gone / syncStateNotFound) restarts from the beginning and says so with `resynced`.
 */
export const readInboxDelta = async (
  graph: GraphClient,
  reader: MessageReader,
  userPath: string,
  deltaLink: string | undefined,
  options: InboxDeltaOptions,
  log: Logger,
): Promise<InboxChanges> => {
  try {
    return await readRound(graph, reader, startPath(graph, userPath, deltaLink, options), options, false);
  } catch (error) {
    if (!(deltaLink && error instanceof GraphMailboxError && error.code === "GRAPH.SYNC_RESET")) throw error;
    log.warn("graph.inbox.resync", { status: error.status, graphCode: error.graphCode });
    return await readRound(graph, reader, startPath(graph, userPath, undefined, options), options, true);
  }
};

const startPath = (
  graph: GraphClient,
  userPath: string,
  deltaLink: string | undefined,
  options: InboxDeltaOptions,
): string => {
  if (deltaLink) return graph.relativeLink(deltaLink);
  const filter = options.receivedSince
    ? `&$filter=${encodeURIComponent(`receivedDateTime ge ${new Date(options.receivedSince).toISOString()}`)}`
    : "";
  return `${userPath}/mailFolders/inbox/messages/delta?$select=${MESSAGE_SELECT}${filter}`;
};

const readRound = async (
  graph: GraphClient,
  reader: MessageReader,
  firstPath: string,
  options: InboxDeltaOptions,
  resynced: boolean,
): Promise<InboxChanges> => {
  const changed = new Map<string, GraphMessage>();
  const removed = new Set<string>();
  let path = firstPath;
  for (;;) {
    const page = await graph.get<DeltaPage>(path, {
      operation: OPERATION,
      resource: "inbox sync state",
      headers: { Prefer: `odata.maxpagesize=${options.pageSize}` },
    });
    for (const item of page.value ?? []) {
      if (item["@removed"]) {
        changed.delete(item.id);
        removed.add(item.id);
      } else {
        removed.delete(item.id);
        changed.set(item.id, item);
      }
    }
    const next = page["@odata.nextLink"];
    if (next) {
      path = graph.relativeLink(next);
      continue;
    }
    const deltaLink = page["@odata.deltaLink"];
    if (!deltaLink) throw requestFailed(OPERATION, 200, "NoDeltaLink");
    const { messages, unreadable } = splitReadable(await reader.complete([...changed.values()]));
    return { messages, unreadable, removedIds: [...removed], deltaLink, resynced };
  }
};
