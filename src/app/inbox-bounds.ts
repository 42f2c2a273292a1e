import type { Versioned, SyncState } from "../ports/records.js";
import type { AppDeps } from "./app-deps.js";

/**
 * A resync reads again from this long before the last complete round started: mail received just before it may not
 * have been in delta yet, and Exchange's clock is not ours. What is read twice is recognised by the ledger.
 */
export const RESYNC_OVERLAP_MS = 60 * 60_000;

/** Where the inbox sync state is kept in `deps.sync`. */
export const SYNC_KEY = "inbox";

/**
 * The sync state and go-live: the setting if there is one, else the instant kept by the first round ever (its own
 * start, written before anything is read, so that a round stopped part-way never moves it on).
 */
export async function withIntakeStart(
  deps: AppDeps,
  now: Date,
): Promise<{ readonly saved: Versioned<SyncState> | undefined; readonly intakeFrom: string }> {
  const saved = await deps.sync.get(SYNC_KEY);
  const known = deps.centre.intakeFrom ?? saved?.value.intakeFrom;
  if (known !== undefined) return { saved, intakeFrom: known };
  const intakeFrom = now.toISOString();
  return { saved: await deps.sync.put(SYNC_KEY, { ...(saved?.value ?? {}), intakeFrom }, saved?.etag), intakeFrom };
}

/** The instant a new round or a resync reads from: the last good round (less the overlap), never before go-live. */
export function receivedSince(intakeFrom: string, state: SyncState | undefined): string {
  const lastGood = state?.lastGoodAt === undefined ? -Infinity : Date.parse(state.lastGoodAt) - RESYNC_OVERLAP_MS;
  return new Date(Math.max(Date.parse(intakeFrom), lastGood)).toISOString();
}
