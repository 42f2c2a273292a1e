import type { InboxSyncResult } from "../app/sync-inbox.js";
import { systemTimer, type Timer } from "./scheduler.js";

/** How long after a notified round that found nothing the inbox is read again. */
export const NOTIFIED_RECHECK_MS = 60_000;

export interface NotifiedRounds {
  /** Graph announced new mail: the next round is a notified one. */
  notified(): void;
  /** Runs one inbox round (a notified one if a notification came since the last). */
  run(): Promise<InboxSyncResult>;
  /** Cancels a look still to come (shutdown). */
  stop(): void;
}

/**
 * Delta may not yet show a message Graph has already notified: a notified round that finds nothing (or finds another
 * instance reading) asks for one more round a minute later, through `again`, rather than leaving the message to the
 * safety net. One look per notified round: the look itself, if nothing new was notified, asks for none.
 */
export function notifiedRounds(
  round: () => Promise<InboxSyncResult>,
  again: () => void,
  options: { readonly timer?: Timer; readonly recheckMs?: number } = {},
): NotifiedRounds {
  const timer = options.timer ?? systemTimer;
  const recheckMs = options.recheckMs ?? NOTIFIED_RECHECK_MS;
  let pending = false;
  let handle: unknown;
  return {
    notified() {
      pending = true;
    },
    async run() {
      const notified = pending;
      pending = false;
      const result = await round();
      if (notified && (!result.ran || result.messages === 0) && handle === undefined) {
        handle = timer.set(() => {
          handle = undefined;
          again();
        }, recheckMs);
      }
      return result;
    },
    stop() {
      if (handle !== undefined) timer.clear(handle);
      handle = undefined;
    },
  };
}
