import { GraphError } from "./errors.js";
import type { IdIssuer } from "./graph-format.js";
import type { MailboxStore } from "./mailbox-store.js";
import type { FolderName, StoredMessage } from "./message.js";

type Entry = { readonly id: string; readonly removed: boolean };

interface SkipState {
  readonly kind: "skip";
  readonly folder: FolderName;
  readonly select: readonly string[] | undefined;
  readonly entries: readonly Entry[];
  readonly offset: number;
  readonly upTo: number;
}
interface DeltaState {
  readonly kind: "delta";
  readonly folder: FolderName;
  readonly select: readonly string[] | undefined;
  readonly upTo: number;
}

export type DeltaItem = { readonly message: StoredMessage } | { readonly removedId: string };

export interface DeltaPage {
  readonly items: readonly DeltaItem[];
  readonly select: readonly string[] | undefined;
  readonly next: { readonly skiptoken: string } | { readonly deltatoken: string };
}

/**
 * Delta query state per folder. A token names a server-side state (as Exchange's sync state does), so an unknown
 * or expired token is answered 410 SyncStateNotFound and the client must start over.
 */
export class DeltaTokens {
  private readonly states = new Map<string, SkipState | DeltaState>();

  constructor(
    private readonly store: MailboxStore,
    private readonly ids: IdIssuer,
  ) {}

  page(
    folder: FolderName,
    request: { select?: readonly string[]; skiptoken?: string; deltatoken?: string },
    pageSize: number,
  ): DeltaPage {
    const token = request.skiptoken ?? request.deltatoken;
    const state = token === undefined ? undefined : this.states.get(token);
    if (token !== undefined && (!state || state.folder !== folder)) {
      throw new GraphError(
        410,
        "SyncStateNotFound",
        "The sync state generation is not found; start a new delta query without a token.",
      );
    }
    const start = this.startingPoint(folder, request.select, state);
    const slice = start.entries.slice(start.offset, start.offset + pageSize);
    const items = slice.map((entry): DeltaItem => {
      const message = this.store.find(entry.id);
      return !entry.removed && message?.folder === folder ? { message } : { removedId: entry.id };
    });
    const nextToken = this.ids.token();
    const more = start.offset + pageSize < start.entries.length;
    this.states.set(
      nextToken,
      more
        ? {
            kind: "skip",
            folder,
            select: start.select,
            entries: start.entries,
            offset: start.offset + pageSize,
            upTo: start.upTo,
          }
        : { kind: "delta", folder, select: start.select, upTo: start.upTo },
    );
    return { items, select: start.select, next: more ? { skiptoken: nextToken } : { deltatoken: nextToken } };
  }

  /** Forgets every token: the next call carrying one gets 410. */
  expireAll(): void {
    this.states.clear();
  }

  private startingPoint(
    folder: FolderName,
    select: readonly string[] | undefined,
    state: SkipState | DeltaState | undefined,
  ): Omit<SkipState, "kind" | "folder"> {
    if (state?.kind === "skip") return state;
    const since = state?.upTo ?? 0;
    const upTo = this.store.currentSequence;
    const changes = this.store.changesSince(folder, since, upTo);
    const entries = [
      ...changes.upserted.map((m) => ({ id: m.id, removed: false })),
      ...changes.removedIds.map((id) => ({ id, removed: true })),
    ];
    return { select: state?.select ?? select, entries, offset: 0, upTo };
  }
}
