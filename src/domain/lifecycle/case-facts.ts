import type { Case } from "../case.js";
import type { CaseEvent, CaseEventType } from "../case-events.js";

/** Facts the lifecycle reads back from a case's log before allowing the next step. */

function has<T extends CaseEventType>(kase: Case, type: T, test: (e: CaseEvent<T>) => boolean = () => true): boolean {
  return kase.events.some((e) => e.type === type && test(e as CaseEvent<T>));
}

export const initialContactMade = (kase: Case): boolean => has(kase, "initial-contact.made");

/** 4.1: only a visit where the child was seen and spoken to counts as the first visit. */
export const childSeenOnVisit = (kase: Case): boolean => has(kase, "visit.completed", (e) => e.data.childSeen);

export const assessmentCompleted = (kase: Case): boolean => has(kase, "assessment.completed");

export const planCompleted = (kase: Case): boolean => has(kase, "plan.completed");

export const escalationRecorded = (kase: Case): boolean => has(kase, "escalation.recorded");

export const managersDecisionRecorded = (kase: Case): boolean =>
  has(kase, "case-note.recorded", (e) => e.data.noteType === "managers-decision");

/** The direction the case was last put forward to the transfer panel in. */
export function pendingTransferDirection(
  kase: Case,
): CaseEvent<"transfer-panel.requested">["data"]["direction"] | undefined {
  const requests = kase.events.filter(
    (e): e is CaseEvent<"transfer-panel.requested"> => e.type === "transfer-panel.requested",
  );
  return requests.at(-1)?.data.direction;
}

/** 4.5 applies only to families stepped down from Social Care. */
export const steppedDownFromSocialCare = (kase: Case): boolean =>
  kase.kind === "step-down-from-social-care" ||
  has(kase, "contact.received", (e) => e.data.kind === "step-down-from-social-care");

export const frontDoorDecided = (kase: Case): boolean => has(kase, "front-door.decided");

const count = (kase: Case, type: Case["events"][number]["type"]): number =>
  kase.events.filter((e) => e.type === type).length;

/** Seed 004: a concern recorded that the LADO has not yet been told of. */
export const ladoNotificationOwed = (kase: Case): boolean =>
  count(kase, "allegation.recorded") > count(kase, "lado.notified");

/** Seed 004: a LADO notification not yet answered. */
export const ladoResponseAwaited = (kase: Case): boolean =>
  count(kase, "lado.notified") > count(kase, "lado.responded");

/** A threshold dispute raised and not yet resolved. */
export function thresholdDisputeOpen(kase: Case): boolean {
  const disputes = kase.events.filter((e) => e.type === "threshold.disputed").length;
  const resolutions = kase.events.filter((e) => e.type === "threshold-dispute.resolved").length;
  return disputes > resolutions;
}
