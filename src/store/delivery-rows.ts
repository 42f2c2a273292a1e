import { createHash } from "node:crypto";
import type { DeliveryClaim, LaterCopy } from "../ports/message-ledger.js";
import { AlreadyExistsError, ConcurrencyError } from "../ports/errors.js";
import { type EntityTable, type StoredEntity, stringOf } from "./entity-table.js";
import { isoInstant, shortHash } from "./keys.js";

/** A copy list this long is a loop, not a mailbox: later copies past it are not kept (their messages still are). */
const MAX_COPIES = 100;

/** The identity names a sender and a Message-ID: only its digest is stored. */
const keysOf = (identity: string) => {
  const digest = createHash("sha256").update(identity).digest("hex");
  return { partitionKey: `delivery~${shortHash(digest)}`, rowKey: digest };
};

const copiesOf = (row: StoredEntity | undefined): LaterCopy[] => {
  const json = row === undefined ? undefined : stringOf(row, "laterCopies");
  return json === undefined ? [] : (JSON.parse(json) as LaterCopy[]);
};

/**
 * One row per Internet message in the `Messages` table: the message that brought it in first, and its later copies.
 * The first is decided by an insert (atomic); copies are added by ETag-guarded replaces.
 */
export class DeliveryRows {
  constructor(private readonly table: EntityTable) {}

  async claim(identity: string, messageId: string, now: Date): Promise<DeliveryClaim> {
    const keys = keysOf(identity);
    try {
      await this.table.insert({ ...keys, firstMessageId: messageId, claimedAt: isoInstant(now) });
      return { first: true };
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
    const row = await this.table.get(keys.partitionKey, keys.rowKey);
    const firstMessageId = row === undefined ? undefined : stringOf(row, "firstMessageId");
    if (firstMessageId === undefined)
      throw new ConcurrencyError("An Internet message's first delivery was not recorded; try again.");
    return firstMessageId === messageId ? { first: true } : { first: false, firstMessageId };
  }

  async addLaterCopy(identity: string, copy: LaterCopy): Promise<void> {
    const keys = keysOf(identity);
    for (;;) {
      const row = await this.table.get(keys.partitionKey, keys.rowKey);
      if (row === undefined) return;
      const copies = copiesOf(row);
      if (copies.some((c) => c.messageId === copy.messageId) || copies.length >= MAX_COPIES) return;
      const { etag, ...entity } = row;
      try {
        await this.table.replace({ ...entity, laterCopies: JSON.stringify([...copies, copy]) }, etag);
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }

  async laterCopies(identity: string): Promise<readonly LaterCopy[]> {
    const keys = keysOf(identity);
    return copiesOf(await this.table.get(keys.partitionKey, keys.rowKey));
  }
}
