import type { Case } from "../case.js";
import { ClosureChecklistMissingError, ClosureNotReadyError, InvalidCaseCommandError } from "../errors.js";
import type { Profile } from "../rules/profile-schema.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { stamp } from "./stamp.js";

const CLOSURE_READY_RULE = "8.2";

/**
 * The profile's closure-ready checklist: rule 8.2 in Family Solutions; in another framework, the check rule that
 * applies only when closure is requested (rule 9, voice of the child, is checked at closure too, but also earlier).
 */
export function closureChecklist(profile: Profile) {
  const checks = profile.rules.filter((r) => r.kind === "check");
  const rule =
    checks.find((r) => r.id === CLOSURE_READY_RULE) ??
    checks.find((r) => r.on.every((m) => m.event === "closure.requested"));
  return rule?.items;
}

export function requestClosure(kase: Case, command: CommandOf<"requestClosure">, ctx: CommandContext) {
  const items = closureChecklist(ctx.profile);
  if (items === undefined) throw new ClosureChecklistMissingError(kase.id, ctx.profile.id);
  const missing = items.filter((item) => command.checklist[item.id] !== true).map((item) => item.label);
  if (!command.summary?.trim()) missing.push("the closure summary itself (its text is empty)");
  if (missing.length > 0) throw new ClosureNotReadyError(kase.id, missing);
  const { checklist, summary } = command;
  return [stamp(kase, command, ctx, "closure.requested", { checklist, summary })];
}

export function rejectClosure(kase: Case, command: CommandOf<"rejectClosure">, ctx: CommandContext) {
  if (!command.reason?.trim()) {
    throw new InvalidCaseCommandError(
      kase.id,
      `Case ${kase.id}: say why closure is rejected so the worker knows what to do.`,
    );
  }
  return [stamp(kase, command, ctx, "closure.rejected", { reason: command.reason }, command.reason)];
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 8.1: the manager records the end date of involvement; the case is deallocated as it closes. */
export function signOffClosure(kase: Case, command: CommandOf<"signOffClosure">, ctx: CommandContext) {
  if (!isRealDate(command.endDate)) {
    throw new InvalidCaseCommandError(
      kase.id,
      `"${command.endDate}" is not an end date the service can read. Give it as YYYY-MM-DD.`,
    );
  }
  return [stamp(kase, command, ctx, "closure.signed-off", { endDate: command.endDate })];
}
