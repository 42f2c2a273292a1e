import type { CaseEventData } from "../../domain/case-events.js";
import { caseUseCase, type NoInput } from "./record-change.js";

type NoteType = CaseEventData["case-note.recorded"]["noteType"];

/** 4.1a: the practitioner's first contact with the family after allocation. */
export const recordInitialContact = caseUseCase((_: NoInput) => ({ type: "recordInitialContact" }));

/** 4.1b / 10.1: a visit, and whether the child was seen and spoken to (only then is it the first visit). */
export const recordVisit = caseUseCase((visit: { readonly childSeen: boolean; readonly lateInDay?: boolean }) => ({
  type: "recordVisit",
  childSeen: visit.childSeen,
  ...(visit.lateInDay ? { lateInDay: true } : {}),
}));

/** 5.1a: the Support Plan completed. */
export const completePlan = caseUseCase((_: NoInput) => ({ type: "completePlan" }));

/** 5.1b: a plan review meeting held. */
export const holdReview = caseUseCase((_: NoInput) => ({ type: "holdReview" }));

/** 3.3: the duty worker's weekly contact with a family on the Pre-Allocation List. */
export const recordPreAllocationContact = caseUseCase((contact: { readonly note?: string }) => ({
  type: "recordPreAllocationContact",
  ...(contact.note ? { note: contact.note } : {}),
}));

/** A note on the case: a contact record, the voice of the child (9), a Managers Decision (11.1, 11.2)… */
export const recordCaseNote = caseUseCase((note: { readonly noteType: NoteType; readonly note: string }) => ({
  type: "recordCaseNote",
  noteType: note.noteType,
  note: note.note,
}));
