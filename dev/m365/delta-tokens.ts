import { GraphError } from "./errors.js";
import type { IdIssuer } from "./graph-format.js";
import type { MailboxStore } from "./mailbox-store.js";
import type { FolderName, StoredMessage } from "./message.js";

/** Graph's `changeType` query option on message delta. */
export type DeltaChangeType = "created" | "updated" | "deleted";

/** `$filter=receivedDateTime ge|gt <instant>`, the only filter message delta takes. */
export interface ReceivedFilter {
  readonly inclusive: boolean;
  readonly atMs: number;
}

/** What a round was asked for: kept in its tokens, as Graph encodes the first request's options in its links. */
interface Query {
  readonly folder: FolderName;
  readonly select: readonly string[] | undefined;
  readonly filter: ReceivedFilter | undefined;
  readonly changeType: DeltaChangeType | undefined;
}

type Entry =
  | { readonly id: string; readonly kind: "created" }
  | { readonly id: string; readonly kind: "updated"; readonly fields: readonly string[] }
  | { readonly id: string; readonly kind: "removed" };

interface SkipState extends Query {
  readonly kind: "skip";
  readonly entries: readonly Entry[];
  readonly offset: number;
  readonly upTo: number;
}
interface DeltaState extends Query {
  readonly kind: "delta";
  readonly upTo: number;
}

export type DeltaItem =
  | { readonly message: StoredMessage }
  | { readonly message: StoredMessage; readonly changed: readonly string[] }
  | { readonly removedId: string };

export interface DeltaPage {
  readonly items: readonly DeltaItem[];
  readonly select: readonly string[] | undefined;
  readonly next: { readonly skiptoken: string } | { readonly deltatoken: string };
}

export interface DeltaRequest {
  readonly select?: readonly string[];
  readonly filter?: ReceivedFilter;
  readonly changeType?: DeltaChangeType;
  readonly skiptoken?: string;
  readonly deltatoken?: string;
}

export interface DeltaLimits {
  /** A filtered round returns at most this many messages (Graph: 5,000). */
  readonly filterCap: number;
  /** How long a change takes to show in delta. */
  readonly lagMs: () => number;
}

const KIND_OF: Readonly<Record<DeltaChangeType, Entry["kind"]>> = {
  created: "created",
  updated: "updated",
  deleted: "removed",
};

/**
 * Delta query state per folder, as Exchange keeps it: a token names a server-side state, so an unknown or expired
 * token is answered 410 SyncStateNotFound and the client must start over. A new message comes whole; an updated one
 * with only what changed; `changeType` keeps one kind; a `receivedDateTime` filter bounds the first round and caps it.
 */
export class DeltaTokens {
  private readonly states = new Map<string, SkipState | DeltaState>();

  constructor(
    private readonly store: MailboxStore,
    private readonly ids: IdIssuer,
    private readonly limits: DeltaLimits,
  ) {}

  page(folder: FolderName, request: DeltaRequest, pageSize: number): DeltaPage {
    const token = request.skiptoken ?? request.deltatoken;
    const state = token === undefined ? undefined : this.states.get(token);
    if (token !== undefined && (!state || state.folder !== folder)) {
      throw new GraphError(
        410,
        "SyncStateNotFound",
        "The sync state generation is not found; start a new delta query without a token.",
      );
    }
    const query: Query = state ?? {
      folder,
      select: request.select,
      filter: request.filter,
      changeType: request.changeType,
    };
    const start = state?.kind === "skip" ? state : this.round(query, state?.upTo ?? 0);
    const slice = start.entries.slice(start.offset, start.offset + pageSize);
    const items = slice.map((entry) => this.item(folder, entry));
    const nextToken = this.ids.token();
    const more = start.offset + pageSize < start.entries.length;
    this.states.set(
      nextToken,
      more
        ? { ...query, kind: "skip", entries: start.entries, offset: start.offset + pageSize, upTo: start.upTo }
        : { ...query, kind: "delta", upTo: start.upTo },
    );
    return { items, select: query.select, next: more ? { skiptoken: nextToken } : { deltatoken: nextToken } };
  }

  /** Forgets every token: the next call carrying one gets 410. */
  expireAll(): void {
    this.states.clear();
  }

  private item(folder: FolderName, entry: Entry): DeltaItem {
    const message = this.store.find(entry.id);
    if (entry.kind === "removed" || message?.folder !== folder) return { removedId: entry.id };
    return entry.kind === "updated" ? { message, changed: entry.fields } : { message };
  }

  /** A new round's changes since `since`, as far as delta shows them yet. */
  private round(query: Query, since: number): { entries: Entry[]; offset: number; upTo: number } {
    const upTo = this.store.visibleSequence(this.limits.lagMs());
    const changes = this.store.changesSince(query.folder, since, upTo);
    const { filter, changeType } = query;
    const received = (message: StoredMessage) => {
      const at = Date.parse(message.receivedDateTime);
      // A message made unreadable on purpose (a test's broken item) keeps, for Exchange, the time it really came.
      if (!filter || Number.isNaN(at)) return true;
      return filter.inclusive ? at >= filter.atMs : at > filter.atMs;
    };
    let upserted = changes.upserted.filter((c) => received(c.message));
    // A filtered first round returns at most the cap: the newest, and nothing says more were left out.
    if (filter && since === 0 && upserted.length > this.limits.filterCap) {
      const byNewest = [...upserted].sort(
        (a, b) => Date.parse(b.message.receivedDateTime) - Date.parse(a.message.receivedDateTime),
      );
      const kept = new Set(byNewest.slice(0, this.limits.filterCap));
      upserted = upserted.filter((c) => kept.has(c));
    }
    const entries: Entry[] = [
      ...upserted.map((c): Entry =>
        c.created ? { id: c.message.id, kind: "created" } : { id: c.message.id, kind: "updated", fields: c.fields },
      ),
      ...changes.removedIds.map((id): Entry => ({ id, kind: "removed" })),
    ];
    const wanted = changeType === undefined ? entries : entries.filter((e) => e.kind === KIND_OF[changeType]);
    return { entries: wanted, offset: 0, upTo };
  }
}
