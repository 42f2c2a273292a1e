import type { Case } from "../case.js";
import { InvalidCaseCommandError } from "../errors.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { stamp } from "./stamp.js";

function noteOf(kase: Case, note: string | undefined): string {
  if (!note?.trim()) throw new InvalidCaseCommandError(kase.id, `Case ${kase.id}: a note saying why is needed.`);
  return note;
}

/** Seed 002 §2: the service cannot change a MASH threshold decision; a manager escalates a dispute at once. */
export function disputeThreshold(kase: Case, command: CommandOf<"disputeThreshold">, ctx: CommandContext) {
  const note = noteOf(kase, command.note);
  return [stamp(kase, command, ctx, "threshold.disputed", { note }, note)];
}

export function resolveThresholdDispute(
  kase: Case,
  command: CommandOf<"resolveThresholdDispute">,
  ctx: CommandContext,
) {
  const note = noteOf(kase, command.note);
  return [stamp(kase, command, ctx, "threshold-dispute.resolved", { note }, note)];
}

/** Seed 002 §5: the manager agrees to close and signpost; the hand-over meeting follows within the profile's timescale. */
export function agreeSignposting(kase: Case, command: CommandOf<"agreeSignposting">, ctx: CommandContext) {
  const note = noteOf(kase, command.note);
  return [stamp(kase, command, ctx, "signposting.agreed", { note }, note)];
}
