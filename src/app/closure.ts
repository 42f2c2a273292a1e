import type { ChangeDeps } from "./change-case.js";
import { recordChange, type ChangeOutcome, type ChangeRequest } from "./casework/record-change.js";
import type { Decider } from "./decider.js";

/** 8.1 / 8.2: the worker puts the case forward for closure, with the closure-ready checklist complete. */
export const requestClosure = (
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  closure: { readonly checklist: Readonly<Record<string, boolean>>; readonly summary: string },
  request?: ChangeRequest,
): Promise<ChangeOutcome> =>
  recordChange(
    deps,
    caseId,
    who,
    { type: "requestClosure", checklist: { ...closure.checklist }, summary: closure.summary },
    request,
  );

/** 8.1: a manager signs the closure off (the end date is recorded and the case deallocated). */
export const signOffClosure = (
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  endDate: string,
  request?: ChangeRequest,
): Promise<ChangeOutcome> => recordChange(deps, caseId, who, { type: "signOffClosure", endDate }, request);

/** A manager sends a closure request back to the worker, saying why. */
export const rejectClosure = (
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  reason: string,
  request?: ChangeRequest,
): Promise<ChangeOutcome> => recordChange(deps, caseId, who, { type: "rejectClosure", reason }, request);
