import { caseUseCase, type NoInput } from "./record-change.js";

/** Seed 002: the presenting worker's transfer summary for the panel, in the fields the panel names. */
export const recordTransferSummary = caseUseCase((summary: { readonly fields: Readonly<Record<string, string>> }) => ({
  type: "recordTransferSummary",
  fields: { ...summary.fields },
}));

/** Seed 002: the hand-over meeting between the existing and the new worker (or the signposted service). */
export const recordHandoverMeeting = caseUseCase((_: NoInput) => ({ type: "recordHandoverMeeting" }));

/** Seed 002: the ending letter to the family. */
export const recordEndingLetter = caseUseCase((_: NoInput) => ({ type: "recordEndingLetter" }));
