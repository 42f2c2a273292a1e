import { isWriteRace } from "../ports/errors.js";
import type { Versioned, SyncState } from "../ports/records.js";
import type { AppDeps } from "./app-deps.js";

/**
 * A resync reads again from this long before the last complete round started: mail received just before it may not
 * have been in delta yet, and Exchange's clock is not ours. What is read twice is recognised by the ledger.
 */
export const RESYNC_OVERLAP_MS = 60 * 60_000;

/**
 * Go-live, when it is not set, is the first round's start less this: Exchange stamps receivedDateTime on its own clock
 * (to the second), so mail that came in the moments before the service first read must not fall before it.
 */
export const FIRST_ROUND_ALLOWANCE_MS = 60_000;

/** Where the inbox sync state is kept in `deps.sync`. */
export const SYNC_KEY = "inbox";

/**
 * The sync state and go-live: the setting if there is one, else the instant kept by the first round ever (its own
 * start less the allowance, written before anything is read, so that a round stopped part-way never moves it on).
 */
export async function withIntakeStart(
  deps: Pick<AppDeps, "sync" | "centre">,
  now: Date,
): Promise<{ readonly saved: Versioned<SyncState> | undefined; readonly intakeFrom: string }> {
  const saved = await deps.sync.get(SYNC_KEY);
  const known = deps.centre.intakeFrom ?? saved?.value.intakeFrom;
  if (known !== undefined) return { saved, intakeFrom: known };
  const intakeFrom = new Date(now.getTime() - FIRST_ROUND_ALLOWANCE_MS).toISOString();
  try {
    return { saved: await deps.sync.put(SYNC_KEY, { ...(saved?.value ?? {}), intakeFrom }, saved?.etag), intakeFrom };
  } catch (error) {
    // The first inbox round and the junk sweep start together on a new mailbox: whoever wrote first set go-live.
    if (!isWriteRace(error)) throw error;
    return withIntakeStart(deps, now);
  }
}

/**
 * The instant a new round or a resync reads from: the last good round (less the overlap), never before go-live; to
 * the whole second, as Graph stamps receivedDateTime (10:00:00.700 is shown as 10:00:00).
 */
export function receivedSince(intakeFrom: string, state: SyncState | undefined): string {
  const lastGood = state?.lastGoodAt === undefined ? -Infinity : Date.parse(state.lastGoodAt) - RESYNC_OVERLAP_MS;
  const since = Math.max(Date.parse(intakeFrom), lastGood);
  return new Date(since - (since % 1000)).toISOString();
}
