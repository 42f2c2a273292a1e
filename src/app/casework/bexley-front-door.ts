import { caseUseCase } from "./record-change.js";

/** Seed 002: the parents' explicit written consent (seed 004: overridden only on a recorded manager decision). */
export const recordConsent = caseUseCase(
  (consent: { readonly given: boolean; readonly overriddenByManagerDecision?: boolean }) => ({
    type: "recordConsent",
    given: consent.given,
    ...(consent.overriddenByManagerDecision ? { overriddenByManagerDecision: true } : {}),
  }),
);

/** Seed 002 §2: the Front Door-MASH decision, within 24 hours of receiving the information. */
export const recordFrontDoorDecision = caseUseCase(
  (decision: { readonly outcome: string; readonly note?: string }) => ({
    type: "recordFrontDoorDecision",
    outcome: decision.outcome,
    ...(decision.note ? { note: decision.note } : {}),
  }),
);

/** Seed 002 §2: a manager disputes the MASH threshold decision; it must be resolved within 24 hours. */
export const disputeThreshold = caseUseCase((dispute: { readonly note: string }) => ({
  type: "disputeThreshold",
  note: dispute.note,
}));

export const resolveThresholdDispute = caseUseCase((resolution: { readonly note: string }) => ({
  type: "resolveThresholdDispute",
  note: resolution.note,
}));

/** Seed 002 §5: a manager agrees to close and signpost; the hand-over meeting follows within 5 working days. */
export const agreeSignposting = caseUseCase((agreement: { readonly note: string }) => ({
  type: "agreeSignposting",
  note: agreement.note,
}));
