import { randomUUID } from "node:crypto";
import type { AuditEvent, AuditLog } from "../ports/audit.js";
import type { EntityTable } from "./entity-table.js";

/**
 * The audit trail as an append-only table: one row per event, partitioned by day, keyed by instant and a random
 * suffix, only ever inserted (an insert never overwrites a row). Its final home is the data-protection work's.
 */
export class TableAuditLog implements AuditLog {
  constructor(private readonly table: EntityTable) {}

  async append(event: AuditEvent): Promise<void> {
    await this.table.insert({
      partitionKey: event.at.slice(0, 10),
      rowKey: `${event.at}~${randomUUID()}`,
      event: JSON.stringify(event),
    });
  }
}
