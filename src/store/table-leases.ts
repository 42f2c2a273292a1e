import type { LeaseState, LeaseStates } from "../ports/health.js";
import type { Lease, LeaseBook, LeaseResult, Leases } from "../ports/leases.js";
import { type EntityTable, type StoredEntity, scan, stringOf } from "./entity-table.js";
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from "../ports/errors.js";
import { decodeKey, encodeKey, isoInstant } from "./keys.js";

const ROW = "lease";

const heldBy = (row: StoredEntity): LeaseResult => ({
  acquired: false,
  heldBy: stringOf(row, "holderId") ?? "",
  until: stringOf(row, "expiresAt") ?? "",
});

/** Azure `Leases` table: one row per job, taken over only when it has expired; every write ETag-guarded. */
export class TableLeases implements Leases, LeaseStates, LeaseBook {
  constructor(private readonly table: EntityTable) {}

  async acquire(name: string, holderId: string, ttlMs: number, now: Date): Promise<LeaseResult> {
    const partitionKey = encodeKey(name);
    const expiresAt = isoInstant(new Date(now.getTime() + ttlMs));
    const entity = { partitionKey, rowKey: ROW, holderId, expiresAt };
    const taken = (etag: string): LeaseResult => ({ acquired: true, lease: { name, holderId, expiresAt, etag } });
    // A released lease has no row, so the usual acquire is an insert without a read; its conflict says to read.
    try {
      return taken(await this.table.insert(entity));
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
    const current = await this.table.get(partitionKey, ROW);
    // Released since the insert failed: whoever held it just ran; this instance tries again at its next turn.
    if (current === undefined) return { acquired: false, heldBy: "", until: expiresAt };
    const expired = Date.parse(stringOf(current, "expiresAt") ?? "") <= now.getTime();
    if (!expired && stringOf(current, "holderId") !== holderId) return heldBy(current);
    try {
      return taken(await this.table.replace(entity, current.etag));
    } catch (error) {
      if (!(error instanceof ConcurrencyError || error instanceof NotFoundError)) throw error;
      const winner = await this.table.get(partitionKey, ROW);
      return winner === undefined ? { acquired: false, heldBy: "", until: expiresAt } : heldBy(winner);
    }
  }

  async renew(lease: Lease, ttlMs: number, now: Date): Promise<LeaseResult> {
    const partitionKey = encodeKey(lease.name);
    const expiresAt = isoInstant(new Date(now.getTime() + ttlMs));
    try {
      const etag = await this.table.replace(
        { partitionKey, rowKey: ROW, holderId: lease.holderId, expiresAt },
        lease.etag,
      );
      return { acquired: true, lease: { ...lease, expiresAt, etag } };
    } catch (error) {
      if (!(error instanceof ConcurrencyError || error instanceof NotFoundError)) throw error;
      const current = await this.table.get(partitionKey, ROW);
      return current === undefined ? { acquired: false, heldBy: "", until: lease.expiresAt } : heldBy(current);
    }
  }

  async release(lease: Lease): Promise<void> {
    try {
      await this.table.delete(encodeKey(lease.name), ROW, lease.etag);
    } catch (error) {
      // Someone else already holds it: releasing is then nothing to do.
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }

  /** The county's leases (instances, mailbox pipelines): tens of rows, one scan. */
  async list(): Promise<readonly Lease[]> {
    const leases: Lease[] = [];
    for await (const row of scan(this.table, { rowKey: ROW })) {
      leases.push({
        name: decodeKey(row.partitionKey),
        holderId: stringOf(row, "holderId") ?? "",
        expiresAt: stringOf(row, "expiresAt") ?? "",
        etag: row.etag,
      });
    }
    return leases;
  }

  /** One row per job and per mailbox round: a short scan of the whole table. */
  async leaseStates(now: Date): Promise<readonly LeaseState[]> {
    const states: LeaseState[] = [];
    for await (const row of scan(this.table, { rowKey: ROW })) {
      const expiresAt = Date.parse(stringOf(row, "expiresAt") ?? "");
      states.push(Number.isNaN(expiresAt) ? "stuck" : expiresAt > now.getTime() ? "held" : "available");
    }
    return states;
  }
}
