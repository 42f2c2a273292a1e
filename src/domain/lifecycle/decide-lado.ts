import type { Case } from "../case.js";
import { InvalidCaseCommandError } from "../errors.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { stamp } from "./stamp.js";

/** What was said, and to whom: the record of a safeguarding step needs its words. */
function noteOf(kase: Case, note: string, what: string): string {
  if (!note.trim()) throw new InvalidCaseCommandError(kase.id, `Case ${kase.id}: say ${what}.`);
  return note;
}

/** Seed 004: a concern about a person who works with children; the LADO must be told within 24 hours. */
export function recordAllegation(kase: Case, command: CommandOf<"recordAllegation">, ctx: CommandContext) {
  const note = noteOf(kase, command.note, "what the concern is");
  return [stamp(kase, command, ctx, "allegation.recorded", { note })];
}

export function recordLadoNotification(kase: Case, command: CommandOf<"recordLadoNotification">, ctx: CommandContext) {
  const note = noteOf(kase, command.note, "how the LADO was notified");
  return [stamp(kase, command, ctx, "lado.notified", { note })];
}

export function recordLadoResponse(kase: Case, command: CommandOf<"recordLadoResponse">, ctx: CommandContext) {
  const note = noteOf(kase, command.note, "what the LADO advised");
  return [stamp(kase, command, ctx, "lado.responded", { note })];
}
