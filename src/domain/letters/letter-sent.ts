import type { Case } from "../case.js";
import type { CaseEventType } from "../case-events.js";

/** The events that record one of our letters sent; each carries the letter's outbox key. */
const RECORDS_A_LETTER_SENT: ReadonlySet<CaseEventType> = new Set<CaseEventType>([
  "acknowledgement.sent",
  "screening-outcome.sent",
  "maam-outcome.sent",
]);

/**
 * Whether the case records the letter with this outbox key as sent. A bounce of the letter names its key too (and
 * may come before the letter is recorded sent), so only the events that record a sending count.
 */
export const letterRecordedSent = (kase: Case, outboxKey: string): boolean =>
  kase.events.some((e) => RECORDS_A_LETTER_SENT.has(e.type) && "outboxKey" in e.data && e.data.outboxKey === outboxKey);

/** Whether the case records a bounce of the letter with this outbox key (its referrer's mail server returned it). */
export const letterRecordedReturned = (kase: Case, outboxKey: string): boolean =>
  kase.events.some((e) => e.type === "acknowledgement.not-delivered" && e.data.outboxKey === outboxKey);
