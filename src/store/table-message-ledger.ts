import type { ClaimResult, MessageLedger, MessageRecord, MessageState } from "../ports.js";
import { type EntityTable, type StoredEntity, stringOf } from "./entity-table.js";
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from "./errors.js";
import { encodeKey, isoInstant, shortHash } from "./keys.js";

const withoutEtag = ({ etag: _etag, ...entity }: StoredEntity) => entity;

const keysOf = (messageId: string) => ({ partitionKey: shortHash(messageId), rowKey: encodeKey(messageId) });

function recordOf(messageId: string, row: StoredEntity): MessageRecord {
  const caseId = stringOf(row, "caseId");
  const contactId = stringOf(row, "contactId");
  const reason = stringOf(row, "reason");
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

/** Azure `Messages` table: one row per inbound message (by immutable id), written before it is handled. */
export class TableMessageLedger implements MessageLedger {
  constructor(private readonly table: EntityTable) {}

  async claim(messageId: string, now: Date): Promise<ClaimResult> {
    try {
      await this.table.insert({ ...keysOf(messageId), state: "claimed", claimedAt: isoInstant(now) });
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

  async reserveCase(messageId: string, caseId: string): Promise<string> {
    const { partitionKey, rowKey } = keysOf(messageId);
    for (;;) {
      const row = await this.table.get(partitionKey, rowKey);
      if (row === undefined) {
        throw new NotFoundError("A case was reserved for an inbound message before it was claimed; claim it first.");
      }
      const reserved = stringOf(row, "caseId");
      if (reserved !== undefined) return reserved;
      try {
        await this.table.replace({ ...withoutEtag(row), caseId }, row.etag);
        return caseId;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }

  markLogged(messageId: string, caseId: string, contactId: string): Promise<void> {
    return this.settle(messageId, { state: "logged", caseId, contactId });
  }

  markIgnored(messageId: string, reason: string): Promise<void> {
    return this.settle(messageId, { state: "ignored", reason });
  }

  async recordFailure(messageId: string, reasonCode: string): Promise<number> {
    const { partitionKey, rowKey } = keysOf(messageId);
    for (;;) {
      const row = await this.table.get(partitionKey, rowKey);
      if (row === undefined) {
        throw new NotFoundError("A failure was recorded for an inbound message before it was claimed; claim it first.");
      }
      const attempts = (typeof row["failedAttempts"] === "number" ? row["failedAttempts"] : 0) + 1;
      try {
        await this.table.replace({ ...withoutEtag(row), failedAttempts: attempts, reason: reasonCode }, row.etag);
        return attempts;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }

  markQuarantined(messageId: string, reasonCode: string): Promise<void> {
    return this.settle(messageId, { state: "quarantined", reason: reasonCode });
  }

  private async settle(messageId: string, outcome: Record<string, string>): Promise<void> {
    const { partitionKey, rowKey } = keysOf(messageId);
    const row = await this.table.get(partitionKey, rowKey);
    if (row === undefined) {
      throw new NotFoundError("An inbound message was settled before it was claimed; claim it first.");
    }
    await this.table.replace({ ...withoutEtag(row), ...outcome }, row.etag);
  }
}
