import type { Case } from "../case.js";
import { InvalidCaseCommandError } from "../errors.js";
import type { Profile } from "../rules/profile-schema.js";
import { managersDecisionRecorded, pendingTransferDirection } from "./case-facts.js";
import { forbidden, notAllowed } from "./command-rules.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { resolveOutcome, type OutcomeEffect } from "./outcomes.js";
import { stamp } from "./stamp.js";

/** Bexley moves cases to and from Social Care only through its weekly transfer panel. */
export const hasTransferPanel = (profile: Profile): boolean => profile.panels.some((p) => p.id === "transfer-panel");

/**
 * A decision may name the worker it intends (`allocateTo`); allocation itself is a separate step, since rules 2.3
 * and 3.2 time it from the decision.
 */
function checkNamedWorker(kase: Case, command: { outcome: string; workerId?: string }, effect: OutcomeEffect): void {
  if (command.workerId !== undefined && effect !== "await-allocation" && effect !== "wraparound") {
    throw new InvalidCaseCommandError(
      kase.id,
      `Case ${kase.id}: the outcome "${command.outcome}" does not lead to allocation, so no worker can be named with it.`,
    );
  }
}

export function recordScreeningDecision(
  kase: Case,
  command: CommandOf<"recordScreeningDecision">,
  ctx: CommandContext,
) {
  const { effect } = resolveOutcome(kase.id, ctx.profile, "screening", command.outcome, command);
  const { outcome, note, workerId } = command;
  const data = { outcome, ...(note ? { note } : {}), ...(workerId ? { allocateTo: workerId } : {}) };
  checkNamedWorker(kase, command, effect);
  return [stamp(kase, command, ctx, "screening.decided", data, note)];
}

export function recordMaamDecision(kase: Case, command: CommandOf<"recordMaamDecision">, ctx: CommandContext) {
  const { effect } = resolveOutcome(kase.id, ctx.profile, "maam", command.outcome, command);
  const { outcome, note, workerId } = command;
  const data = { outcome, ...(note ? { note } : {}), ...(workerId ? { allocateTo: workerId } : {}) };
  checkNamedWorker(kase, command, effect);
  return [stamp(kase, command, ctx, "maam.decided", data, note)];
}

export function recordFrontDoorDecision(
  kase: Case,
  command: CommandOf<"recordFrontDoorDecision">,
  ctx: CommandContext,
) {
  resolveOutcome(kase.id, ctx.profile, "front-door", command.outcome, command);
  const { outcome, note } = command;
  return [stamp(kase, command, ctx, "front-door.decided", { outcome, ...(note ? { note } : {}) }, note)];
}

export function recordTransferPanelDecision(
  kase: Case,
  command: CommandOf<"recordTransferPanelDecision">,
  ctx: CommandContext,
) {
  const pending = pendingTransferDirection(kase);
  if (pending !== command.direction) {
    throw notAllowed(
      kase,
      `it was put forward to move ${pending ?? "nowhere"}, so the panel cannot decide a move ${command.direction}`,
    );
  }
  resolveOutcome(kase.id, ctx.profile, "transfer-panel", command.outcome, command);
  const { outcome, direction, note } = command;
  return [stamp(kase, command, ctx, "transfer-panel.decided", { outcome, direction, ...(note ? { note } : {}) }, note)];
}

/** Seed 002: explicit written consent first; seed 004: overridden only with a recorded manager decision. */
export function recordConsent(kase: Case, command: CommandOf<"recordConsent">, ctx: CommandContext) {
  const overriding = !command.given && command.overriddenByManagerDecision === true;
  if (overriding && !managersDecisionRecorded(kase)) {
    throw notAllowed(
      kase,
      "consent can be overridden only with a recorded manager decision: a manager must record a Managers Decision case note first",
    );
  }
  const data = { given: command.given, ...(overriding ? { overriddenByManagerDecision: true } : {}) };
  return [stamp(kase, command, ctx, "consent.recorded", data)];
}

/** 7.2: the escalation is recorded with the Request for Support; Bexley then puts it to the transfer panel. */
export function recordEscalation(kase: Case, command: CommandOf<"recordEscalation">, ctx: CommandContext) {
  const escalation = stamp(
    kase,
    command,
    ctx,
    "escalation.recorded",
    { requestForSupportAttached: command.requestForSupportAttached },
    command.note,
  );
  if (kase.state !== "allocated" || !hasTransferPanel(ctx.profile)) return [escalation];
  return [
    escalation,
    stamp(kase, command, ctx, "transfer-panel.requested", { direction: "to-social-care" }, command.note),
  ];
}

/** 7.2–7.4: Level 4 confirmed → wraparound (7.3: the manager moves the key worker to the wraparound role) or close. */
export function confirmLevel4(kase: Case, command: CommandOf<"confirmLevel4">, ctx: CommandContext) {
  if (command.wraparound && !ctx.roles.includes("manager")) {
    throw forbidden(kase, ["manager"], "move a case to wraparound support (rule 7.3)");
  }
  const confirmed = stamp(kase, command, ctx, "social-care.level4-confirmed", { wraparound: command.wraparound });
  const lead = kase.leadWorkerId;
  if (!command.wraparound || lead === undefined) return [confirmed];
  return [
    confirmed,
    stamp(kase, command, ctx, "case.reallocated", { fromWorkerId: lead, toWorkerId: lead, role: "wraparound" }),
  ];
}

/** 6.1 (Family Solutions: straight to allocation) or, where there is a transfer panel, put to the panel first. */
export function receiveStepDownFromSocialCare(
  kase: Case,
  command: CommandOf<"receiveStepDownFromSocialCare">,
  ctx: CommandContext,
) {
  const received = stamp(kase, command, ctx, "contact.received", {
    contactId: command.contactId,
    kind: "step-down-from-social-care",
    followUp: false,
  });
  // A case this service held goes back to its worker (or allocation) unless the profile sends step-downs to the panel.
  if (ctx.profile.features.stepDownsTo !== "transfer-panel") return [received];
  return [received, stamp(kase, command, ctx, "transfer-panel.requested", { direction: "to-early-help" })];
}

export function receiveWraparoundRequest(
  kase: Case,
  command: CommandOf<"receiveWraparoundRequest">,
  ctx: CommandContext,
) {
  return [stamp(kase, command, ctx, "wraparound.requested", {})];
}

/**
 * Seed 002: the presenting worker brings a transfer summary (history, worries, strengths, what must change), in the
 * fields the profile's transfer panel names; a later summary replaces the earlier one on the agenda.
 */
export function recordTransferSummary(kase: Case, command: CommandOf<"recordTransferSummary">, ctx: CommandContext) {
  const fields = ctx.profile.panels.find((p) => p.id === "transfer-panel")?.summaryFields ?? [];
  const unknown = Object.keys(command.fields).filter((id) => !fields.some((f) => f.id === id));
  if (unknown.length > 0) {
    throw new InvalidCaseCommandError(
      kase.id,
      `The transfer summary has no field ${unknown.map((id) => `"${id}"`).join(", ")}: use ${fields.map((f) => f.id).join(", ")}.`,
    );
  }
  const given = Object.fromEntries(Object.entries(command.fields).filter(([, text]) => text.trim() !== ""));
  if (Object.keys(given).length === 0) {
    throw new InvalidCaseCommandError(kase.id, `Case ${kase.id}: write at least one part of the transfer summary.`);
  }
  return [stamp(kase, command, ctx, "transfer-summary.recorded", { fields: given })];
}
