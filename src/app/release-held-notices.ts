import type { ConversationKey } from "../ports/teams.js";
import type { OutboxItem } from "../ports/outbox.js";
import { ConcurrencyError } from "../ports/errors.js";
import type { AppDeps } from "./app-deps.js";

type Deps = Pick<AppDeps, "outbox" | "calendar" | "clock" | "logger">;

export interface HeldRelease {
  /** Back to pending: the Teams drain posts them on its next round. */
  readonly released: number;
  /** Out of date by now: set aside (failed, reason `superseded: …`), never posted. */
  readonly superseded: number;
}

export interface ReleaseOptions {
  /** The chat has just been shown its agenda as it stands (a manager chose it): no held agenda is worth posting. */
  readonly agendaShown?: boolean;
}

const BATCH = 50;

const dateOf = (item: OutboxItem): string | undefined => {
  const date = item.payload["date"];
  return typeof date === "string" ? date : undefined;
};

/**
 * Why a held notice is no longer worth posting, if it is not. Agendas and digests are for one London day (their
 * `date`): one for a day gone by is not today's (today's is queued anyway, or was just shown), so it is dropped
 * rather than posted as if it were current. Everything else (triage cards, overdue notes, escalations, PAL
 * reminders, quarantine notices) is released, because each is drawn from the case as it stands when it is posted,
 * and a nudge whose clock has stopped meanwhile renders no card and is not posted.
 */
function supersededBecause(item: OutboxItem, today: string, options: ReleaseOptions): string | undefined {
  if (options.agendaShown === true && item.purpose.startsWith("agenda-")) return "agenda-shown-when-chat-chosen";
  const date = dateOf(item);
  return date !== undefined && date < today ? "for-a-past-day" : undefined;
}

/**
 * Releases the Teams notices held because `conversation` was unknown (no chat chosen for a panel or the duty team;
 * a person without the app), now that it is known: called when a manager chooses a chat and when the app is
 * installed in a personal chat. Each move is ETag-guarded, so of two instances releasing at once each item moves
 * once; an item another instance moved first is left to it.
 */
export async function releaseHeldNotices(
  deps: Deps,
  conversation: ConversationKey,
  options: ReleaseOptions = {},
): Promise<HeldRelease> {
  const now = deps.clock.now();
  const today = deps.calendar.localDate(now);
  const counts = { released: 0, superseded: 0 };
  for (;;) {
    const batch = await deps.outbox.listHeld("teams", conversation, BATCH);
    let moved = 0;
    for (const item of batch) {
      const because = supersededBecause(item, today, options);
      try {
        if (because === undefined) {
          await deps.outbox.transition(item, { to: "pending" }, now);
          counts.released++;
        } else {
          await deps.outbox.transition(item, { to: "failed", reason: `superseded: ${because}` }, now);
          // An audit of what was dropped: the purpose and day only, never who or what it was about.
          deps.logger.info("teams-outbox.superseded", { purpose: item.purpose, date: dateOf(item), reason: because });
          counts.superseded++;
        }
        moved++;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
    // A full batch may hide more; a batch in which nothing moved would come back the same.
    if (batch.length < BATCH || moved === 0) break;
  }
  if (counts.released + counts.superseded > 0) deps.logger.info("teams-outbox.released", { ...counts });
  return counts;
}
