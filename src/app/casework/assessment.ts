import { caseUseCase, type NoInput } from "./record-change.js";

/** 4.3: the Early Help Assessment completed (4.5: a step-down with a recent CYPA needs none). */
export const completeAssessment = caseUseCase((assessment: { readonly cypaUnderThreeMonths?: boolean }) => ({
  type: "completeAssessment",
  ...(assessment.cypaUnderThreeMonths ? { cypaUnderThreeMonths: true } : {}),
}));

/** 4.5: a step-down from Social Care with a CYPA under three calendar months old needs no new assessment. */
export const recordAssessmentNotRequired = caseUseCase((_: NoInput) => ({ type: "recordAssessmentNotRequired" }));

/** 4.4: an Early Help Enabler's audit of a completed assessment, against the profile's checklist. */
export const auditAssessment = caseUseCase((audit: { readonly checklist: Readonly<Record<string, boolean>> }) => ({
  type: "auditAssessment",
  checklist: { ...audit.checklist },
}));
