import { caseUseCase } from "./casework/record-change.js";

/** 8.1 / 8.2: the worker puts the case forward for closure, with the closure-ready checklist complete. */
export const requestClosure = caseUseCase(
  (closure: { readonly checklist: Readonly<Record<string, boolean>>; readonly summary: string }) => ({
    type: "requestClosure",
    checklist: { ...closure.checklist },
    summary: closure.summary,
  }),
);

/** 8.1: a manager signs the closure off (the end date is recorded and the case deallocated). */
export const signOffClosure = caseUseCase((signOff: { readonly endDate: string }) => ({
  type: "signOffClosure",
  endDate: signOff.endDate,
}));

/** A manager sends a closure request back to the worker, saying why. */
export const rejectClosure = caseUseCase((rejection: { readonly reason: string }) => ({
  type: "rejectClosure",
  reason: rejection.reason,
}));
