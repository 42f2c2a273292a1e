import type { Case } from "../../../src/domain/case.js";
import { aCase } from "../../../dev/builders/case-builder.js";

/**
 * Allocated on 1 June 2026 and visited; direct work with the child recorded on 10 June, before the assessment of 20
 * June (rule 9 evident there), then a plan on 25 June with no direct work since (rule 9 missing there).
 */
export const assessedThenPlanned = (): Case =>
  aCase()
    .receivedAt("2026-06-01T09:00:00.000Z")
    .allocatedOn("2026-06-01T10:00:00.000Z")
    .then({ type: "recordInitialContact" }, { at: "2026-06-02T10:00:00.000Z" })
    .then({ type: "recordVisit", childSeen: true }, { at: "2026-06-03T10:00:00.000Z" })
    .then({ type: "recordCaseNote", noteType: "voice-of-child", note: "Drew." }, { at: "2026-06-10T10:00:00.000Z" })
    .then({ type: "completeAssessment" }, { at: "2026-06-20T10:00:00.000Z" })
    .then({ type: "completePlan" }, { at: "2026-06-25T10:00:00.000Z" })
    .build();
