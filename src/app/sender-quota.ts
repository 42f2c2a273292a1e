import { isWriteRace } from "../ports/errors.js";
import type { AppDeps } from "./app-deps.js";
import { senderQuotaKey } from "./mail-keys.js";

/**
 * Takes one of the sender's acknowledgements for today if any are left (loop and abuse protection: at most
 * `maxAcksPerSenderPerDay`). Counting is ETag-guarded, so two intakes at once never both take the last one.
 */
export async function takeAcknowledgementAllowance(
  deps: Pick<AppDeps, "quotas" | "calendar" | "centre">,
  sender: string,
  now: Date,
): Promise<boolean> {
  const key = senderQuotaKey(sender, deps.calendar.localDate(now));
  // A sender's first acknowledgement of the day meets no counter: it is inserted without a read, and a conflict
  // (an earlier one today) says to read it.
  let firstOfDay = deps.centre.maxAcksPerSenderPerDay > 0;
  for (;;) {
    const current = firstOfDay ? undefined : await deps.quotas.get(key);
    firstOfDay = false;
    const count = current?.value.count ?? 0;
    if (count >= deps.centre.maxAcksPerSenderPerDay) return false;
    try {
      await deps.quotas.put(key, { count: count + 1 }, current?.etag);
      return true;
    } catch (error) {
      if (!isWriteRace(error)) throw error;
    }
  }
}
