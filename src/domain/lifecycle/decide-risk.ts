import type { Case } from "../case.js";
import { InvalidCaseCommandError } from "../errors.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { stamp } from "./stamp.js";

/** The manager's reason is the record of why the case is, or is no longer, among the team's highest risk. */
function reasonOf(kase: Case, note: string, what: string): string {
  if (!note.trim()) throw new InvalidCaseCommandError(kase.id, `Case ${kase.id}: say why you ${what}.`);
  return note;
}

/** 11.5: leads are aware of the most intensive and high-risk cases their team hold; every list shows the flag. */
export function flagHighRisk(kase: Case, command: CommandOf<"flagHighRisk">, ctx: CommandContext) {
  const note = reasonOf(kase, command.note, "flag it high risk");
  return [stamp(kase, command, ctx, "case.flagged-high-risk", { note }, note)];
}

export function clearHighRisk(kase: Case, command: CommandOf<"clearHighRisk">, ctx: CommandContext) {
  const note = reasonOf(kase, command.note, "clear its high-risk flag");
  return [stamp(kase, command, ctx, "case.high-risk-cleared", { note }, note)];
}
