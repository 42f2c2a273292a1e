import type { CaseEventData } from "../../domain/case-events.js";
import type { ChangeDeps } from "../change-case.js";
import type { Decider } from "../decider.js";
import { recordChange, type ChangeOutcome, type ChangeRequest } from "./record-change.js";

type NoteType = CaseEventData["case-note.recorded"]["noteType"];

/** 4.1a: the practitioner's first contact with the family after allocation. */
export const recordInitialContact = (deps: ChangeDeps, caseId: string, who: Decider, request?: ChangeRequest) =>
  recordChange(deps, caseId, who, { type: "recordInitialContact" }, request);

/** 4.1b / 10.1: a visit, and whether the child was seen and spoken to (only then is it the first visit). */
export const recordVisit = (
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  visit: { readonly childSeen: boolean; readonly lateInDay?: boolean },
  request?: ChangeRequest,
): Promise<ChangeOutcome> =>
  recordChange(
    deps,
    caseId,
    who,
    { type: "recordVisit", childSeen: visit.childSeen, ...(visit.lateInDay ? { lateInDay: true } : {}) },
    request,
  );

/** 4.3: the Early Help Assessment completed (4.5: a step-down with a recent CYPA needs none). */
export const completeAssessment = (
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  assessment: { readonly cypaUnderThreeMonths?: boolean },
  request?: ChangeRequest,
): Promise<ChangeOutcome> =>
  recordChange(
    deps,
    caseId,
    who,
    { type: "completeAssessment", ...(assessment.cypaUnderThreeMonths ? { cypaUnderThreeMonths: true } : {}) },
    request,
  );

/** 5.1a: the Support Plan completed. */
export const completePlan = (deps: ChangeDeps, caseId: string, who: Decider, request?: ChangeRequest) =>
  recordChange(deps, caseId, who, { type: "completePlan" }, request);

/** 5.1b: a plan review meeting held. */
export const holdReview = (deps: ChangeDeps, caseId: string, who: Decider, request?: ChangeRequest) =>
  recordChange(deps, caseId, who, { type: "holdReview" }, request);

/** 3.3: the duty worker's weekly contact with a family on the Pre-Allocation List. */
export const recordPreAllocationContact = (
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  contact: { readonly note?: string },
  request?: ChangeRequest,
): Promise<ChangeOutcome> =>
  recordChange(
    deps,
    caseId,
    who,
    { type: "recordPreAllocationContact", ...(contact.note ? { note: contact.note } : {}) },
    request,
  );

/** A note on the case: a contact record, the voice of the child (9), a Managers Decision (11.1, 11.2)… */
export const recordCaseNote = (
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  note: { readonly noteType: NoteType; readonly note: string },
  request?: ChangeRequest,
): Promise<ChangeOutcome> =>
  recordChange(deps, caseId, who, { type: "recordCaseNote", noteType: note.noteType, note: note.note }, request);

/** Allocates the case to a practitioner (2.3, 3.2, 6.1 stop here; 11.3's caseload limit is a warning). */
export const allocateCase = (
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  workerId: string,
  request?: ChangeRequest,
): Promise<ChangeOutcome> => recordChange(deps, caseId, who, { type: "allocate", workerId }, request);
