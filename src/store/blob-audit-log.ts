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
  /**
   * `folder`: the centre's own folder of day blobs (`<centre>/YYYY-MM-DD.jsonl`), none for the whole deployment.
   * `alsoRead`: folders written before this one, read with it (a one-centre deployment's audit, kept where it was
   * appended: append blobs are never moved).
   */
  constructor(
    private readonly blobs: AppendBlobs,
    private readonly folder = "",
    private readonly alsoRead: readonly string[] = [],
  ) {}

  async append(event: AuditEvent): Promise<void> {
    await this.blobs.append(`${this.folder}${event.at.slice(0, 10)}.jsonl`, `${JSON.stringify(event)}\n`);
  }

  async read(query: AuditQuery): Promise<readonly AuditEvent[]> {
    const found: AuditEvent[] = [];
    for (const day of auditDays(query.from, query.to)) {
      const texts = await Promise.all([...this.alsoRead, this.folder].map((f) => this.blobs.read(`${f}${day}.jsonl`)));
      for (const line of texts.join("\n").split("\n")) {
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
