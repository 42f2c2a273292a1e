import type {
  ClaimResult,
  DeliveryClaim,
  LaterCopy,
  MessageLedger,
  MessageRecord,
  MessageState,
  SetAsideEntry,
  SetAsideNote,
} from "../ports/message-ledger.js";
import type { Page } from "../ports/indexes.js";
import { DeliveryRows } from "./delivery-rows.js";
import { SetAsideRows, setAsideRowKey } from "./set-aside-rows.js";
import { type EntityTable, type StoredEntity, scan, stringOf } from "./entity-table.js";
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from "../ports/errors.js";
import { decodeKey, encodeKey, isoInstant, shortHash } from "./keys.js";

const withoutEtag = ({ etag: _etag, ...entity }: StoredEntity) => entity;

const keysOf = (messageId: string) => ({ partitionKey: shortHash(messageId), rowKey: encodeKey(messageId) });

function recordOf(messageId: string, row: StoredEntity): MessageRecord {
  const caseId = stringOf(row, "caseId");
  const contactId = stringOf(row, "contactId");
  const reason = stringOf(row, "reason") || undefined;
  const failedAttempts = typeof row["failedAttempts"] === "number" ? row["failedAttempts"] : undefined;
  return {
    messageId,
    state: (stringOf(row, "state") ?? "claimed") as MessageState,
    claimedAt: stringOf(row, "claimedAt") ?? "",
    ...(caseId === undefined ? {} : { caseId }),
    ...(contactId === undefined ? {} : { contactId }),
    ...(reason === undefined ? {} : { reason }),
    ...(failedAttempts === undefined ? {} : { failedAttempts }),
  };
}

/** How many unsettled messages' last writes an instance keeps (a round's worth, with room). */
const REMEMBERED = 1_000;

/**
 * Azure `Messages` table: one row per inbound message (by immutable id), written before it is handled. Each
 * instance remembers the row it last wrote for a message not yet settled, so the next change of it is an
 * ETag-guarded replace without a read first; if anyone else changed the row since, the replace fails and the row is
 * read again, as it would have been.
 */
export class TableMessageLedger implements MessageLedger {
  readonly #written = new Map<string, StoredEntity>();
  readonly #deliveries: DeliveryRows;
  readonly #setAside: SetAsideRows;

  constructor(private readonly table: EntityTable) {
    this.#deliveries = new DeliveryRows(table);
    this.#setAside = new SetAsideRows(table);
  }

  async claim(messageId: string, now: Date): Promise<ClaimResult> {
    try {
      const row = { ...keysOf(messageId), state: "claimed", claimedAt: isoInstant(now) };
      this.remember(messageId, { ...row, etag: await this.table.insert(row) });
      return { claimed: true };
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      const existing = await this.find(messageId);
      if (existing === undefined) throw error;
      return { claimed: false, existing };
    }
  }

  async find(messageId: string): Promise<MessageRecord | undefined> {
    const { partitionKey, rowKey } = keysOf(messageId);
    const row = await this.table.get(partitionKey, rowKey);
    return row === undefined ? undefined : recordOf(messageId, row);
  }

  markLogged(messageId: string, caseId: string, contactId: string): Promise<void> {
    // A rescued message was set aside first: why no longer applies once it is logged.
    return this.settle(messageId, { state: "logged", caseId, contactId, reason: "" });
  }

  markIgnored(messageId: string, reason: string, note?: SetAsideNote): Promise<void> {
    return this.setAside(messageId, "ignored", reason, note);
  }

  async recordFailure(messageId: string, reasonCode: string): Promise<number> {
    for (;;) {
      const row = await this.current(messageId, "A failure was recorded");
      const attempts = (typeof row["failedAttempts"] === "number" ? row["failedAttempts"] : 0) + 1;
      if (await this.replaceIfUnchanged(messageId, row, { failedAttempts: attempts, reason: reasonCode })) {
        return attempts;
      }
    }
  }

  markQuarantined(messageId: string, reasonCode: string, note?: SetAsideNote): Promise<void> {
    return this.setAside(messageId, "quarantined", reasonCode, note);
  }

  listSetAside(options?: { readonly top?: number; readonly continuation?: string }): Promise<Page<SetAsideEntry>> {
    return this.#setAside.page(options);
  }

  async clearSetAside(messageId: string): Promise<void> {
    const { partitionKey, rowKey } = keysOf(messageId);
    const row = await this.table.get(partitionKey, rowKey);
    const listed = row === undefined ? undefined : stringOf(row, "setAsideKey");
    if (listed !== undefined) await this.#setAside.remove(listed);
  }

  /** Listed first, then settled: a crash between leaves it listed and unsettled, and the retry settles it. */
  private async setAside(
    messageId: string,
    state: "ignored" | "quarantined",
    reason: string,
    note: SetAsideNote | undefined,
  ): Promise<void> {
    const setAsideKey =
      note === undefined ? undefined : await this.#setAside.put({ messageId, state, reason, ...note });
    await this.settle(messageId, { state, reason, ...(setAsideKey === undefined ? {} : { setAsideKey }) });
  }

  claimDelivery(identity: string, messageId: string, now: Date): Promise<DeliveryClaim> {
    return this.#deliveries.claim(identity, messageId, now);
  }

  addLaterCopy(identity: string, copy: LaterCopy): Promise<void> {
    return this.#deliveries.addLaterCopy(identity, copy);
  }

  laterCopies(identity: string): Promise<readonly LaterCopy[]> {
    return this.#deliveries.laterCopies(identity);
  }

  /** Settling is final: a replace from the row last written, or (if someone changed it since) from a fresh read. */
  private async settle(messageId: string, outcome: Record<string, string>): Promise<void> {
    const remembered = this.#written.get(messageId);
    this.#written.delete(messageId);
    if (remembered !== undefined) {
      try {
        await this.table.replace({ ...withoutEtag(remembered), ...outcome }, remembered.etag);
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
    const row = await this.read(messageId, "An inbound message was settled");
    await this.table.replace({ ...withoutEtag(row), ...outcome }, row.etag);
  }

  /** The row as this instance last wrote it, else as read now. */
  async forgetCases(caseIds: ReadonlySet<string>): Promise<number> {
    if (caseIds.size === 0) return 0;
    let changed = 0;
    for await (const row of scan(this.table, {})) {
      const caseId = stringOf(row, "caseId");
      if (caseId === undefined || !caseIds.has(caseId)) continue;
      const { caseId: _c, contactId: _k, ...kept } = withoutEtag(row);
      await this.table.replace(kept, row.etag);
      this.#written.delete(decodeKey(row.rowKey));
      changed++;
    }
    return changed;
  }

  async forgetSetAside(due: (receivedAt: string) => boolean): Promise<number> {
    const old: SetAsideEntry[] = [];
    let continuation: string | undefined;
    do {
      const page = await this.#setAside.page({ top: 500, ...(continuation === undefined ? {} : { continuation }) });
      old.push(...page.items.filter((entry) => entry.receivedAt !== "" && due(entry.receivedAt)));
      continuation = page.continuation;
    } while (continuation !== undefined);
    for (const entry of old) {
      const { partitionKey, rowKey } = keysOf(entry.messageId);
      const row = await this.table.get(partitionKey, rowKey);
      if (row !== undefined && stringOf(row, "setAsideKey") !== undefined) {
        const { setAsideKey: _listed, ...kept } = withoutEtag(row);
        await this.table.replace(kept, row.etag);
        this.#written.delete(entry.messageId);
      }
      await this.#setAside.remove(setAsideRowKey(entry.messageId, entry.receivedAt));
    }
    return old.length;
  }

  private async current(messageId: string, what: string): Promise<StoredEntity> {
    return this.#written.get(messageId) ?? (await this.read(messageId, what));
  }

  private async read(messageId: string, what: string): Promise<StoredEntity> {
    const { partitionKey, rowKey } = keysOf(messageId);
    const row = await this.table.get(partitionKey, rowKey);
    if (row === undefined)
      throw new NotFoundError(`${what} for an inbound message before it was claimed; claim it first.`);
    return row;
  }

  /** False when the row changed since `row` (the caller reads it again). */
  private async replaceIfUnchanged(
    messageId: string,
    row: StoredEntity,
    change: Record<string, string | number>,
  ): Promise<boolean> {
    const next = { ...withoutEtag(row), ...change };
    try {
      this.remember(messageId, { ...next, etag: await this.table.replace(next, row.etag) });
      return true;
    } catch (error) {
      this.#written.delete(messageId);
      if (error instanceof ConcurrencyError) return false;
      throw error;
    }
  }

  private remember(messageId: string, row: StoredEntity): void {
    this.#written.delete(messageId);
    this.#written.set(messageId, row);
    const oldest = this.#written.keys().next();
    if (this.#written.size > REMEMBERED && oldest.done !== true) this.#written.delete(oldest.value);
  }
}
