import type { OutboxItem } from "../ports/outbox.js";
import { ConcurrencyError } from "../ports/errors.js";
import type { AppDeps } from "./app-deps.js";

/**
 * What became of a letter a decision made unnecessary:
 * - `cancelled`: it had not gone (queued, held, or not yet queued at all) and now never will;
 * - `already-sent`: it went before the decision;
 * - `may-be-sent`: the outbox had already handed its draft to Exchange, which may send it: it is left alone,
 *   because cancelling cannot call it back and the outbox still records it on the case when it shows in Sent Items;
 * - `not-sent`: it had failed earlier and was never sent.
 */
export type LetterCancellation = "cancelled" | "already-sent" | "may-be-sent" | "not-sent";

export interface UnsentLetter {
  readonly caseId: string;
  readonly key: string;
  readonly purpose: string;
  /** What the outbox would need to send it; stored on the cancelled item. */
  readonly payload: Readonly<Record<string, unknown>>;
  /** Why it was cancelled, kept as the item's failure reason; never personal data. */
  readonly reason: string;
}

const ATTEMPTS = 3;

/**
 * Makes sure a letter is never sent. An item not yet queued is queued held and cancelled at once, so that a late
 * enqueue of the same key (an intake retried after a crash) finds it and queues nothing. The ETag-guarded
 * transition races safely with the outbox: whichever moves the item first wins, and the loser re-reads.
 */
export async function cancelUnsentLetter(
  deps: Pick<AppDeps, "outbox" | "clock">,
  letter: UnsentLetter,
): Promise<LetterCancellation> {
  for (let attempt = 1; ; attempt++) {
    const item = await currentOrPlaceholder(deps, letter);
    switch (item.state) {
      case "sent":
        return "already-sent";
      case "drafted":
        return "may-be-sent";
      case "failed":
        return item.failureReason === letter.reason ? "cancelled" : "not-sent";
      case "pending":
      case "held":
        try {
          await deps.outbox.transition(item, { to: "failed", reason: letter.reason }, deps.clock.now());
          return "cancelled";
        } catch (error) {
          if (error instanceof ConcurrencyError && attempt < ATTEMPTS) continue;
          throw error;
        }
    }
  }
}

async function currentOrPlaceholder(deps: Pick<AppDeps, "outbox" | "clock">, letter: UnsentLetter) {
  const found: OutboxItem | undefined = await deps.outbox.get(letter.caseId, letter.key);
  if (found !== undefined) return found;
  const { item } = await deps.outbox.enqueue(
    {
      caseId: letter.caseId,
      key: letter.key,
      channel: "email",
      purpose: letter.purpose,
      payload: letter.payload,
      held: true,
    },
    deps.clock.now(),
  );
  return item;
}
