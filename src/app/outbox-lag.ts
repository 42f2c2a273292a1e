import type { Outbox } from "../ports/outbox.js";

/**
 * Seconds the oldest letter or Teams message still to send has waited (0 when nothing waits). Held items wait for
 * a person, not for the service, so they do not count.
 */
export async function outboxLagSeconds(outbox: Outbox, now: Date): Promise<number> {
  const [oldest] = await outbox.listPending(1);
  return oldest === undefined ? 0 : Math.max(0, (now.getTime() - Date.parse(oldest.createdAt)) / 1000);
}
