import type { Case } from "../case.js";
import { InvalidCaseCommandError } from "../errors.js";
import { forbidden } from "./command-rules.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { stamp } from "./stamp.js";

function required(kase: Case, value: string | undefined, what: string): string {
  if (!value?.trim())
    throw new InvalidCaseCommandError(kase.id, `Case ${kase.id}: ${what} is needed. Add it and try again.`);
  return value;
}

export function allocate(kase: Case, command: CommandOf<"allocate">, ctx: CommandContext) {
  const wraparound = kase.state === "wraparound";
  const workerId = required(kase, command.workerId, "the worker to allocate to");
  return [stamp(kase, command, ctx, "case.allocated", { workerId, role: wraparound ? "wraparound" : "lead" })];
}

/** Seed 000: a family is never without a lead, so a lead leaves only by reallocation (or closure). */
export function reallocate(kase: Case, command: CommandOf<"reallocate">, ctx: CommandContext) {
  const role = kase.state === "wraparound" ? "wraparound" : "lead";
  // The lifecycle's rules made sure there is one (command-rules.ts).
  const fromWorkerId = (role === "wraparound" ? kase.wraparoundWorkerId : kase.leadWorkerId) ?? "";
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
  const { childSeen, lateInDay } = command;
  return [
    stamp(kase, command, ctx, "visit.completed", { childSeen, ...(lateInDay !== undefined ? { lateInDay } : {}) }),
  ];
}

export function completeAssessment(kase: Case, command: CommandOf<"completeAssessment">, ctx: CommandContext) {
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
  return [stamp(kase, command, ctx, "assessment.not-required", { reason: "cypa-under-three-months" })];
}

export function auditAssessment(kase: Case, command: CommandOf<"auditAssessment">, ctx: CommandContext) {
  return [stamp(kase, command, ctx, "assessment.audited", { checklist: command.checklist })];
}

export function completePlan(kase: Case, command: CommandOf<"completePlan">, ctx: CommandContext) {
  return [stamp(kase, command, ctx, "plan.completed", {})];
}

export function holdReview(kase: Case, command: CommandOf<"holdReview">, ctx: CommandContext) {
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
