import { allocateCase, reallocateCase } from "../../casework/allocation.js";
import { auditAssessment, completeAssessment, recordAssessmentNotRequired } from "../../casework/assessment.js";
import * as casework from "../../casework/record-casework.js";
import { recordClockReason } from "../../clocks/record-clock-reason.js";
import { checklistInputs, checklistOf, choice, flag, longText, staffChoice, text, yesNo } from "../action-inputs.js";
import { asActionOutcome } from "../action-outcomes.js";
import type { ActionContext, CaseActionSpec } from "../case-action.js";

const NOTE_TYPES = [
  { value: "case-note", label: "Case note" },
  { value: "contact-record", label: "Contact record" },
  { value: "voice-of-child", label: "Direct work / Voice of the child" },
  { value: "managers-decision", label: "Managers Decision (managers only)" },
  { value: "supervision-discussion", label: "Supervision discussion" },
] as const;
type NoteType = (typeof NOTE_TYPES)[number]["value"];

/** The profile's EHA audit checklist (4.4 in Family Solutions): the check rule run on `assessment.audited`. */
const auditChecklist = (ctx: ActionContext) =>
  ctx.profile.rules.flatMap((r) =>
    r.kind === "check" && r.on.some((m) => m.event === "assessment.audited") ? r.items : [],
  );

/** Clocks past their expectation or maximum: the ones a reason can be recorded for. */
const exceeded = (ctx: ActionContext) =>
  ctx.clocks
    .filter((d) => d.status === "overdue" || d.status === "breached" || (d.status === "met" && d.metOnTime === false))
    .map((d) => ({ value: `${d.ruleId}~${d.instance}`, label: `${d.ruleId} ${d.ruleName} (${d.instance})` }));

export const CASEWORK_ACTIONS: readonly CaseActionSpec[] = [
  {
    id: "record-initial-contact",
    label: "Record the initial contact with the family",
    allowed: { command: "recordInitialContact" },
    events: ["initial-contact.made"],
    inputs: () => [],
    run: async (deps, caseId, who, _values, request) =>
      asActionOutcome(await casework.recordInitialContact(deps, caseId, who, {}, request)),
  },
  {
    id: "record-visit",
    label: "Record a visit",
    allowed: { command: "recordVisit" },
    events: ["visit.completed"],
    inputs: () => [yesNo("child-seen", "The child was seen and spoken to"), yesNo("late-in-day", "Late in the day")],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(
        await casework.recordVisit(
          deps,
          caseId,
          who,
          { childSeen: flag(values, "child-seen"), lateInDay: flag(values, "late-in-day") },
          request,
        ),
      ),
  },
  {
    id: "complete-assessment",
    label: "Record the Early Help Assessment completed",
    allowed: { command: "completeAssessment" },
    events: ["assessment.completed"],
    inputs: () => [yesNo("cypa-under-three-months", "A CYPA under three calendar months old was used (4.5)")],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(
        await completeAssessment(
          deps,
          caseId,
          who,
          { cypaUnderThreeMonths: flag(values, "cypa-under-three-months") },
          request,
        ),
      ),
  },
  {
    id: "record-assessment-not-required",
    label: "Record that no assessment is needed (recent CYPA)",
    allowed: { command: "recordAssessmentNotRequired" },
    events: ["assessment.not-required"],
    inputs: () => [],
    run: async (deps, caseId, who, _values, request) =>
      asActionOutcome(await recordAssessmentNotRequired(deps, caseId, who, {}, request)),
  },
  {
    id: "audit-assessment",
    label: "Audit the assessment",
    allowed: { command: "auditAssessment" },
    events: ["assessment.audited"],
    offered: (ctx) => auditChecklist(ctx).length > 0,
    inputs: (ctx) => checklistInputs("checklist", auditChecklist(ctx)),
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(
        await auditAssessment(deps, caseId, who, { checklist: checklistOf("checklist", values) }, request),
      ),
  },
  {
    id: "complete-plan",
    label: "Record the Support Plan completed",
    allowed: { command: "completePlan" },
    events: ["plan.completed"],
    inputs: () => [],
    run: async (deps, caseId, who, _values, request) =>
      asActionOutcome(await casework.completePlan(deps, caseId, who, {}, request)),
  },
  {
    id: "hold-review",
    label: "Record a plan review",
    allowed: { command: "holdReview" },
    events: ["review.held"],
    inputs: () => [],
    run: async (deps, caseId, who, _values, request) =>
      asActionOutcome(await casework.holdReview(deps, caseId, who, {}, request)),
  },
  {
    id: "record-case-note",
    label: "Record a case note",
    allowed: { command: "recordCaseNote" },
    events: ["case-note.recorded"],
    inputs: () => [choice("note-type", "Kind of note", NOTE_TYPES), longText("note", "Note", true)],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(
        await casework.recordCaseNote(
          deps,
          caseId,
          who,
          { noteType: (text(values, "note-type") ?? "case-note") as NoteType, note: text(values, "note") ?? "" },
          request,
        ),
      ),
  },
  {
    id: "record-pre-allocation-contact",
    label: "Record this week's contact with the family",
    allowed: { command: "recordPreAllocationContact" },
    events: ["pre-allocation.contact-recorded"],
    inputs: () => [longText("note", "Note")],
    run: async (deps, caseId, who, values, request) => {
      const note = text(values, "note");
      return asActionOutcome(
        await casework.recordPreAllocationContact(deps, caseId, who, note ? { note } : {}, request),
      );
    },
  },
  {
    id: "allocate-case",
    label: "Allocate the case",
    allowed: { command: "allocate" },
    events: ["case.allocated"],
    inputs: (ctx) => [staffChoice("worker", "Practitioner", ctx.practitioners)],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(await allocateCase(deps, caseId, who, { workerId: text(values, "worker") ?? "" }, request)),
  },
  {
    id: "reallocate-case",
    label: "Reallocate the case",
    allowed: { command: "reallocate" },
    events: ["case.reallocated"],
    inputs: (ctx) => [staffChoice("worker", "New practitioner", ctx.practitioners), longText("reason", "Why", true)],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(
        await reallocateCase(
          deps,
          caseId,
          who,
          { toWorkerId: text(values, "worker") ?? "", reason: text(values, "reason") ?? "" },
          request,
        ),
      ),
  },
  {
    id: "record-clock-reason",
    label: "Say why a timescale was missed",
    allowed: { command: "recordClockReason" },
    events: ["clock.reason-recorded"],
    offered: (ctx) => exceeded(ctx).length > 0,
    inputs: (ctx) => [choice("clock", "Timescale", exceeded(ctx)), longText("reason", "Why it was missed", true)],
    run: async (deps, caseId, who, values, request) => {
      const [rule = "", instance = ""] = (text(values, "clock") ?? "").split("~");
      const reason = text(values, "reason") ?? "";
      return asActionOutcome(
        await recordClockReason(deps, caseId, who, { rule, instance: Number(instance), reason }, request),
      );
    },
  },
];
