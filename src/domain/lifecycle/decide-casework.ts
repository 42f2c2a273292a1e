import type { Case } from "../case.js";
import { InvalidCaseCommandError } from "../errors.js";
import {
  assessmentCompleted,
  childSeenOnVisit,
  initialContactMade,
  planCompleted,
  steppedDownFromSocialCare,
} from "./case-facts.js";
import { forbidden, notAllowed } from "./command-rules.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { stamp } from "./stamp.js";

function required(kase: Case, value: string | undefined, what: string): string {
  if (!value?.trim())
    throw new InvalidCaseCommandError(kase.id, `Case ${kase.id}: ${what} is needed. Add it and try again.`);
  return value;
}

export function allocate(kase: Case, command: CommandOf<"allocate">, ctx: CommandContext) {
  const wraparound = kase.state === "wraparound";
  if (wraparound && kase.wraparoundWorkerId !== undefined) {
    throw notAllowed(kase, "it already has a wraparound worker: reallocate it to change who that is");
  }
  const workerId = required(kase, command.workerId, "the worker to allocate to");
  return [stamp(kase, command, ctx, "case.allocated", { workerId, role: wraparound ? "wraparound" : "lead" })];
}

/** Seed 000: a family is never without a lead, so a lead leaves only by reallocation (or closure). */
export function reallocate(kase: Case, command: CommandOf<"reallocate">, ctx: CommandContext) {
  const role = kase.state === "wraparound" ? "wraparound" : "lead";
  const fromWorkerId = role === "wraparound" ? kase.wraparoundWorkerId : kase.leadWorkerId;
  if (fromWorkerId === undefined) {
    throw notAllowed(
      kase,
      `it has no ${role === "lead" ? "lead" : "wraparound"} worker to reallocate from: allocate it instead`,
    );
  }
  const reason = required(kase, command.reason, "the reason for reallocating");
  if (command.toWorkerId === fromWorkerId) {
    throw new InvalidCaseCommandError(kase.id, `Case ${kase.id} is already allocated to that worker.`);
  }
  return [
    stamp(kase, command, ctx, "case.reallocated", { fromWorkerId, toWorkerId: command.toWorkerId, role }, reason),
  ];
}

export function recordPreAllocationContact(
  kase: Case,
  command: CommandOf<"recordPreAllocationContact">,
  ctx: CommandContext,
) {
  const { note } = command;
  return [stamp(kase, command, ctx, "pre-allocation.contact-recorded", note ? { note } : {}, note)];
}

export function recordInitialContact(kase: Case, command: CommandOf<"recordInitialContact">, ctx: CommandContext) {
  return [stamp(kase, command, ctx, "initial-contact.made", {})];
}

export function recordVisit(kase: Case, command: CommandOf<"recordVisit">, ctx: CommandContext) {
  if (!initialContactMade(kase)) {
    throw notAllowed(
      kase,
      "it cannot have a visit recorded before the initial contact with the family is recorded (rule 4.1)",
    );
  }
  const { childSeen, lateInDay } = command;
  return [
    stamp(kase, command, ctx, "visit.completed", { childSeen, ...(lateInDay !== undefined ? { lateInDay } : {}) }),
  ];
}

function requireFirstVisit(kase: Case, what: string): void {
  if (!childSeenOnVisit(kase)) {
    throw notAllowed(
      kase,
      `it cannot have its ${what} completed before a first visit where the child was seen and spoken to is recorded (rule 4.1)`,
    );
  }
}

export function completeAssessment(kase: Case, command: CommandOf<"completeAssessment">, ctx: CommandContext) {
  requireFirstVisit(kase, "assessment");
  const { cypaUnderThreeMonths } = command;
  const data = cypaUnderThreeMonths !== undefined ? { cypaUnderThreeMonths } : {};
  return [stamp(kase, command, ctx, "assessment.completed", data)];
}

/** 4.5: a step-down whose CYPA is under three calendar months old needs no new assessment (the plan is still due). */
export function recordAssessmentNotRequired(
  kase: Case,
  command: CommandOf<"recordAssessmentNotRequired">,
  ctx: CommandContext,
) {
  if (!steppedDownFromSocialCare(kase)) {
    throw notAllowed(
      kase,
      "only a family stepped down from Social Care with a recent CYPA can go without an assessment (rule 4.5)",
    );
  }
  return [stamp(kase, command, ctx, "assessment.not-required", { reason: "cypa-under-three-months" })];
}

export function auditAssessment(kase: Case, command: CommandOf<"auditAssessment">, ctx: CommandContext) {
  if (!assessmentCompleted(kase)) {
    throw notAllowed(kase, "it has no completed assessment to audit (rule 4.4)");
  }
  return [stamp(kase, command, ctx, "assessment.audited", { checklist: command.checklist })];
}

export function completePlan(kase: Case, command: CommandOf<"completePlan">, ctx: CommandContext) {
  requireFirstVisit(kase, "support plan");
  return [stamp(kase, command, ctx, "plan.completed", {})];
}

export function holdReview(kase: Case, command: CommandOf<"holdReview">, ctx: CommandContext) {
  if (!planCompleted(kase)) {
    throw notAllowed(kase, "it cannot have a review before its support plan is completed (rule 5.1)");
  }
  return [stamp(kase, command, ctx, "review.held", {})];
}

/** 11.1 / 11.2: a Managers Decision note is management oversight, so only a manager writes one. */
export function recordCaseNote(kase: Case, command: CommandOf<"recordCaseNote">, ctx: CommandContext) {
  if (command.noteType === "managers-decision" && !ctx.roles.includes("manager")) {
    throw forbidden(kase, ["manager"], "record a Managers Decision note");
  }
  const note = required(kase, command.note, "the note");
  return [stamp(kase, command, ctx, "case-note.recorded", { noteType: command.noteType, note })];
}

export function recordClockReason(kase: Case, command: CommandOf<"recordClockReason">, ctx: CommandContext) {
  const isClock = ctx.profile.rules.some((r) => r.id === command.rule && r.kind === "clock");
  if (!isClock) {
    throw new InvalidCaseCommandError(
      kase.id,
      `"${command.rule}" is not a timescale of the "${ctx.profile.id}" practice framework.`,
    );
  }
  if (!Number.isInteger(command.instance) || command.instance < 1) {
    throw new InvalidCaseCommandError(
      kase.id,
      `Say which occurrence of rule ${command.rule} this is (1 for the first).`,
    );
  }
  const reason = required(kase, command.reason, "the reason");
  const { rule, instance } = command;
  return [stamp(kase, command, ctx, "clock.reason-recorded", { rule, instance, reason }, reason)];
}

export function recordHandoverMeeting(kase: Case, command: CommandOf<"recordHandoverMeeting">, ctx: CommandContext) {
  return [stamp(kase, command, ctx, "handover-meeting.held", {})];
}

export function recordEndingLetter(kase: Case, command: CommandOf<"recordEndingLetter">, ctx: CommandContext) {
  return [stamp(kase, command, ctx, "ending-letter.sent", {})];
}
