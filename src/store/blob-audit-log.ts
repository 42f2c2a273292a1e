import { caseOf, type AuditEvent, type AuditLog, type AuditQuery } from "../ports/audit.js";
import type { AppendBlobs } from "./append-blobs.js";

/** The longest span one read covers: a year of day blobs. */
export const MAX_AUDIT_DAYS = 366;

const DAY_MS = 86_400_000;

/** Every UTC date from `from` to `to`, inclusive, at most MAX_AUDIT_DAYS of them. */
export function auditDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    if (days.length === MAX_AUDIT_DAYS) break;
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * The access audit as one append blob a day (`YYYY-MM-DD.jsonl`, one JSON event a line), only ever created if
 * absent and appended to: nothing here can overwrite or delete an event. Reads fetch the days asked for.
 */
export class BlobAuditLog implements AuditLog {
  constructor(private readonly blobs: AppendBlobs) {}

  async append(event: AuditEvent): Promise<void> {
    await this.blobs.append(`${event.at.slice(0, 10)}.jsonl`, `${JSON.stringify(event)}\n`);
  }

  async read(query: AuditQuery): Promise<readonly AuditEvent[]> {
    const found: AuditEvent[] = [];
    for (const day of auditDays(query.from, query.to)) {
      const text = await this.blobs.read(`${day}.jsonl`);
      for (const line of (text ?? "").split("\n")) {
        if (line.trim() === "") continue;
        const event = JSON.parse(line) as AuditEvent;
        if (query.actorId !== undefined && event.actorId !== query.actorId) continue;
        if (query.caseId !== undefined && caseOf(event) !== query.caseId) continue;
        found.push(event);
      }
    }
    return found.sort((a, b) => a.at.localeCompare(b.at));
  }
}
