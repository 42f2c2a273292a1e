import type { ConversationKey } from "../ports/teams.js";
import type {
  NewOutboxItem,
  Outbox,
  OutboxChannel,
  OutboxItem,
  OutboxState,
  OutboxTransition,
} from "../ports/outbox.js";
import {
  type Entity,
  type StoredEntity,
  type EntityTable,
  MAX_TRANSACTION_CHANGES,
  jsonOf,
  jsonProperties,
  numberOf,
  scan,
  stringOf,
} from "./entity-table.js";
import { AlreadyExistsError } from "../ports/errors.js";
import { outboxTransitionNotAllowed } from "../ports/outbox.js";
import { encodeCompositeKey, encodeKey, isoInstant } from "./keys.js";

/** Index of items still to send, oldest first, in a partition no case id can be named. */
const PENDING_PARTITION = "~pending";
/** Index of held items by channel, then by the conversation they wait for, oldest first. */
const HELD_PARTITION = "~held";

const ALLOWED: Record<OutboxState, readonly OutboxState[]> = {
  pending: ["drafted", "sent", "held", "failed"],
  drafted: ["drafted", "sent", "failed", "pending"],
  held: ["pending", "failed"],
  failed: ["pending"],
  sent: [],
};

const awaitsSending = (state: OutboxState): boolean => state === "pending" || state === "drafted";

const itemKeys = (caseId: string, key: string) => ({
  partitionKey: encodeKey(caseId),
  rowKey: encodeCompositeKey(key),
});

/** Due first: an item put back after a failure is listed by when it may be tried again, behind newer ones. */
const dueKey = (item: Pick<OutboxItem, "caseId" | "key" | "createdAt" | "retryAt">): string =>
  [item.retryAt ?? item.createdAt, encodeKey(item.caseId), encodeKey(item.key)].join("~");

/**
 * Each channel's items are a range of their own (`<channel>~<due>…`), so a channel's sender reads only what it
 * sends, however many of the other channel's wait (Teams posts to one chat go slower than letters arrive); a case's
 * letter and card still share the partition, so they are indexed in one transaction.
 */
const pendingRange = (channel: OutboxChannel) => ({
  partitionKey: PENDING_PARTITION,
  rowKeyFrom: `${channel}~`,
  // After `<channel>~` comes an ISO instant, which sorts before `~`.
  rowKeyBefore: `${channel}~~`,
});

const pendingRow = (item: Pick<OutboxItem, "caseId" | "key" | "createdAt" | "channel" | "retryAt">): Entity => ({
  partitionKey: PENDING_PARTITION,
  rowKey: `${item.channel}~${dueKey(item)}`,
  caseId: item.caseId,
  key: item.key,
  channel: item.channel,
});

/** Teams items name their conversation in the payload; an email's is empty (it waits for a person, not a chat). */
const conversationOf = (item: Pick<OutboxItem, "payload">): string => {
  const conversation = item.payload["conversation"];
  return typeof conversation === "string" ? conversation : "";
};

const heldPrefix = (channel: OutboxChannel, conversation: ConversationKey): string =>
  `${channel}~${encodeKey(conversation)}~`;

const heldRow = (item: Pick<OutboxItem, "caseId" | "key" | "createdAt" | "channel" | "payload">): Entity => ({
  partitionKey: HELD_PARTITION,
  rowKey: heldPrefix(item.channel, conversationOf(item)) + dueKey({ ...item, retryAt: undefined }),
  caseId: item.caseId,
  key: item.key,
});

/** The index row an item in this state is listed by, if any. */
const indexRowOf = (item: Omit<OutboxItem, "etag">): Entity | undefined =>
  awaitsSending(item.state) ? pendingRow(item) : item.state === "held" ? heldRow(item) : undefined;

const sameRow = (a: Entity | undefined, b: Entity | undefined): boolean =>
  a !== undefined && b !== undefined && a.partitionKey === b.partitionKey && a.rowKey === b.rowKey;

type Enqueued = { readonly enqueued: boolean; readonly item: OutboxItem };

function freshItem(item: NewOutboxItem, now: Date): Omit<OutboxItem, "etag"> {
  const at = isoInstant(now);
  const { held, ...rest } = item;
  return { ...rest, state: held === true ? "held" : "pending", attempts: 0, createdAt: at, updatedAt: at };
}

/** Index rows, one transaction per partition (a lone row goes alone). */
async function upsertByPartition(table: EntityTable, rows: readonly Entity[]): Promise<void> {
  const byPartition = new Map<string, Entity[]>();
  for (const row of rows) byPartition.set(row.partitionKey, [...(byPartition.get(row.partitionKey) ?? []), row]);
  for (const group of byPartition.values()) {
    if (group.length === 1 && group[0] !== undefined) await table.upsert(group[0]);
    else await table.transact(group.map((entity) => ({ op: "upsert", entity })));
  }
}

function itemRow(item: Omit<OutboxItem, "etag">): Entity {
  return {
    ...itemKeys(item.caseId, item.key),
    caseId: item.caseId,
    key: item.key,
    channel: item.channel,
    purpose: item.purpose,
    ...jsonProperties("payload", item.payload),
    state: item.state,
    attempts: item.attempts,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    draftId: item.draftId,
    sentItemId: item.sentItemId,
    failureReason: item.failureReason,
    retryAt: item.retryAt,
  };
}

function itemOf(row: StoredEntity): OutboxItem {
  const optional = (name: "draftId" | "sentItemId" | "failureReason" | "retryAt") => {
    const value = stringOf(row, name);
    return value === undefined ? {} : { [name]: value };
  };
  return {
    caseId: stringOf(row, "caseId") ?? "",
    key: stringOf(row, "key") ?? "",
    channel: stringOf(row, "channel") === "teams" ? "teams" : "email",
    purpose: stringOf(row, "purpose") ?? "",
    payload: jsonOf<Record<string, unknown>>(row, "payload") ?? {},
    state: (stringOf(row, "state") ?? "pending") as OutboxState,
    attempts: numberOf(row, "attempts") ?? 0,
    createdAt: stringOf(row, "createdAt") ?? "",
    updatedAt: stringOf(row, "updatedAt") ?? "",
    ...optional("draftId"),
    ...optional("sentItemId"),
    ...optional("failureReason"),
    ...optional("retryAt"),
    etag: row.etag,
  };
}

/**
 * Azure `Outbox` table: each side effect once, under its deterministic key, moved through its states with
 * ETags. The pending and held indexes are written before an item can need them and cleared after, so a crash
 * leaves at worst a stale index row, which `listPending` or `listHeld` drops. The indexes live in a table of their
 * own (`OutboxIndex`): what waits is read there, and a store that scans a whole table to answer a query (Azurite)
 * reads only what waits, never every letter ever sent.
 */
export class TableOutbox implements Outbox {
  #indexesMoved: Promise<void> | undefined;

  constructor(
    private readonly table: EntityTable,
    private readonly index: EntityTable = table,
  ) {}

  async enqueue(item: NewOutboxItem, now: Date): Promise<Enqueued> {
    const fresh = freshItem(item, now);
    const index = indexRowOf(fresh);
    if (index !== undefined) await this.index.upsert(index);
    try {
      const etag = await this.table.insert(itemRow(fresh));
      return { enqueued: true, item: { ...fresh, etag } };
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      const existing = await this.get(item.caseId, item.key);
      if (existing === undefined) throw error;
      const stray = index !== undefined && !sameRow(indexRowOf(existing), index);
      if (stray) await this.index.delete(index.partitionKey, index.rowKey);
      return { enqueued: false, item: existing };
    }
  }

  async enqueueAll(items: readonly NewOutboxItem[], now: Date): Promise<Enqueued[]> {
    const one = async () => {
      const all: Enqueued[] = [];
      for (const item of items) all.push(await this.enqueue(item, now));
      return all;
    };
    const oneCase = new Set(items.map((item) => item.caseId)).size === 1;
    if (items.length < 2 || !oneCase || items.length > MAX_TRANSACTION_CHANGES) return one();
    const fresh = items.map((item) => freshItem(item, now));
    await upsertByPartition(
      this.index,
      fresh.flatMap((item) => indexRowOf(item) ?? []),
    );
    let etags: ReadonlyMap<string, string>;
    try {
      etags = await this.table.transact(fresh.map((item) => ({ op: "insert", entity: itemRow(item) })));
    } catch (error) {
      // One was there already (a retry): each is enqueued on its own, which also clears a stray index row.
      if (error instanceof AlreadyExistsError) return one();
      throw error;
    }
    return Promise.all(
      fresh.map(async (item) => {
        const etag = etags.get(itemRow(item).rowKey);
        const written = etag === undefined ? await this.get(item.caseId, item.key) : { ...item, etag };
        if (written === undefined) throw new Error(`Outbox: ${item.key} was written but cannot be read back.`);
        return { enqueued: true, item: written };
      }),
    );
  }

  async get(caseId: string, key: string): Promise<OutboxItem | undefined> {
    const { partitionKey, rowKey } = itemKeys(caseId, key);
    const row = await this.table.get(partitionKey, rowKey);
    return row === undefined ? undefined : itemOf(row);
  }

  async listForCase(caseId: string): Promise<OutboxItem[]> {
    const items: OutboxItem[] = [];
    for await (const row of scan(this.table, { partitionKey: encodeKey(caseId) })) items.push(itemOf(row));
    return items;
  }

  async rewritePayload(item: OutboxItem, payload: Readonly<Record<string, unknown>>): Promise<OutboxItem> {
    const { etag, ...rest } = item;
    const next = { ...rest, payload };
    return { ...next, etag: await this.table.replace(itemRow(next), etag) };
  }

  async deleteForCase(caseId: string): Promise<number> {
    const items = await this.listForCase(caseId);
    for (const item of items) {
      const index = indexRowOf(item);
      if (index !== undefined) await this.index.delete(index.partitionKey, index.rowKey);
      const { partitionKey, rowKey } = itemKeys(item.caseId, item.key);
      await this.table.delete(partitionKey, rowKey);
    }
    return items.length;
  }

  async transition(item: OutboxItem, change: OutboxTransition, now: Date): Promise<OutboxItem> {
    if (!ALLOWED[item.state].includes(change.to)) throw outboxTransitionNotAllowed(item.key, item.state, change.to);
    const { etag: _etag, draftId: _d, sentItemId: _s, failureReason: _f, ...kept } = item;
    const retryAt = change.to === "pending" && change.retryAt !== undefined ? isoInstant(change.retryAt) : undefined;
    const next: Omit<OutboxItem, "etag"> = {
      ...kept,
      state: change.to,
      updatedAt: isoInstant(now),
      ...(retryAt === undefined ? {} : { retryAt, attempts: item.attempts + 1 }),
      ...(change.to === "held" && change.reason !== undefined ? { failureReason: change.reason } : {}),
      ...(change.to === "drafted"
        ? { draftId: change.draftId }
        : item.draftId === undefined
          ? {}
          : { draftId: item.draftId }),
      ...(change.to === "sent" ? { sentItemId: change.sentItemId } : {}),
      ...(change.to === "failed" ? { failureReason: change.reason, attempts: item.attempts + 1 } : {}),
      ...(change.to === "held" && change.reason !== undefined ? { failureReason: change.reason } : {}),
    };
    const [before, after] = [indexRowOf(item), indexRowOf(next)];
    // The same index row is already there: it was written before the item entered its present state.
    if (after !== undefined && !sameRow(before, after)) await this.index.upsert(after);
    const etag = await this.table.replace(itemRow(next), item.etag);
    if (before !== undefined && !sameRow(before, after)) await this.index.delete(before.partitionKey, before.rowKey);
    return { ...next, etag };
  }

  async listPending(limit: number, channel?: OutboxChannel): Promise<OutboxItem[]> {
    await this.moveIndexesOnce();
    if (channel !== undefined) return this.pendingOf(channel, limit);
    // Both channels, due first.
    const both = [...(await this.pendingOf("email", limit)), ...(await this.pendingOf("teams", limit))];
    const due = (item: OutboxItem) => dueKey(item);
    return both.sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0)).slice(0, limit);
  }

  private async pendingOf(channel: OutboxChannel, limit: number): Promise<OutboxItem[]> {
    const found: OutboxItem[] = [];
    let continuation: string | undefined;
    do {
      const page = await this.index.page(pendingRange(channel), { top: limit, continuation });
      for (const row of page.items) {
        if (found.length >= limit) return found;
        const item = await this.get(stringOf(row, "caseId") ?? "", stringOf(row, "key") ?? "");
        // No item yet: an enqueue writes the index rows before the items, and a sender listing between the two must
        // not take the row away, or the item would never be listed (a letter lost). A crash between the writes is
        // mended when the intake, run again, enqueues the same key.
        if (item === undefined) continue;
        if (awaitsSending(item.state) && sameRow(pendingRow(item), row)) found.push(item);
        else await this.index.delete(row.partitionKey, row.rowKey);
      }
      continuation = page.continuation;
    } while (continuation !== undefined && found.length < limit);
    return found;
  }

  async listHeld(channel: OutboxChannel, conversation: ConversationKey, limit: number): Promise<OutboxItem[]> {
    const prefix = heldPrefix(channel, conversation);
    // After the prefix comes an ISO instant, which sorts before `~`: `<prefix>~` ends the range.
    const range = { partitionKey: HELD_PARTITION, rowKeyFrom: prefix, rowKeyBefore: `${prefix}~` };
    await this.moveIndexesOnce();
    const found: OutboxItem[] = [];
    let continuation: string | undefined;
    do {
      const page = await this.index.page(range, { top: limit, continuation });
      for (const row of page.items) {
        if (found.length >= limit) return found;
        const item = await this.get(stringOf(row, "caseId") ?? "", stringOf(row, "key") ?? "");
        if (item !== undefined && sameRow(indexRowOf(item), row)) found.push(item);
        else await this.index.delete(row.partitionKey, row.rowKey);
      }
      continuation = page.continuation;
    } while (continuation !== undefined && found.length < limit);
    return found;
  }

  async listHeldPage(
    channel: OutboxChannel,
    options: { readonly limit: number; readonly continuation?: string },
  ): Promise<{ readonly items: readonly OutboxItem[]; readonly continuation?: string }> {
    const prefix = `${channel}~`;
    // Every row key of the channel starts with `<channel>~`, and sorts before the channel name's next string.
    const after = `${channel.slice(0, -1)}${String.fromCharCode(channel.charCodeAt(channel.length - 1) + 1)}`;
    const range = { partitionKey: HELD_PARTITION, rowKeyFrom: prefix, rowKeyBefore: after };
    await this.moveIndexesOnce();
    const page = await this.index.page(range, { top: options.limit, continuation: options.continuation });
    const items: OutboxItem[] = [];
    for (const row of page.items) {
      const item = await this.get(stringOf(row, "caseId") ?? "", stringOf(row, "key") ?? "");
      if (item !== undefined && sameRow(indexRowOf(item), row)) items.push(item);
      else await this.index.delete(row.partitionKey, row.rowKey);
    }
    return { items, ...(page.continuation === undefined ? {} : { continuation: page.continuation }) };
  }

  /**
   * Index rows of an earlier version are brought in line once per process, so an item queued before an upgrade is
   * still sent: rows written beside the items (before the indexes had their own table) are moved there, and pending
   * rows keyed without their channel are keyed with it (copied, then removed).
   */
  private moveIndexesOnce(): Promise<void> {
    this.#indexesMoved ??= (async () => {
      const sources = this.index === this.table ? [this.table] : [this.table, this.index];
      for (const source of sources) {
        for await (const { etag: _etag, ...row } of scan(source, { partitionKey: PENDING_PARTITION })) {
          if (/^(email|teams)~/.test(row.rowKey) && source === this.index) continue;
          const moved = await this.keyedByChannel(row);
          if (moved !== undefined) await this.index.upsert(moved);
          await source.delete(row.partitionKey, row.rowKey);
        }
      }
      if (this.index === this.table) return;
      for await (const { etag: _etag, ...row } of scan(this.table, { partitionKey: HELD_PARTITION })) {
        await this.index.upsert(row);
        await this.table.delete(row.partitionKey, row.rowKey);
      }
    })().catch((error: unknown) => {
      this.#indexesMoved = undefined;
      throw error;
    });
    return this.#indexesMoved;
  }

  /** A pending row as this version keys it; undefined when its item is gone (nothing to send). */
  private async keyedByChannel(row: Entity): Promise<Entity | undefined> {
    if (/^(email|teams)~/.test(row.rowKey)) return row;
    const item = await this.get(stringOf(row, "caseId") ?? "", stringOf(row, "key") ?? "");
    return item === undefined ? undefined : { ...row, rowKey: `${item.channel}~${row.rowKey}`, channel: item.channel };
  }
}
