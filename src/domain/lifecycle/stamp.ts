import type { Case } from "../case.js";
import type { CaseEventData, CaseEventType, NewCaseEvent } from "../case-events.js";
import { InvalidCaseCommandError } from "../errors.js";
import type { CaseCommand, CommandContext } from "./commands.js";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** When the thing happened: now, or the earlier instant the command gives (never a future one). */
function occurredAt(kase: Case, command: CaseCommand, now: Date): string {
  if (command.occurredAt === undefined) return now.toISOString();
  const at = new Date(command.occurredAt);
  if (!ISO_INSTANT.test(command.occurredAt) || Number.isNaN(at.getTime())) {
    throw new InvalidCaseCommandError(
      kase.id,
      `"${command.occurredAt}" is not a date and time the service can read. Give it as e.g. 2026-12-23T10:00:00Z.`,
    );
  }
  if (at.getTime() > now.getTime()) {
    throw new InvalidCaseCommandError(
      kase.id,
      `Case ${kase.id}: something cannot be recorded as happening in the future.`,
    );
  }
  return at.toISOString();
}

/** Who, what, when and why of one transition; `recordedAt` only when it was written up later than it happened. */
export function stamp<T extends CaseEventType>(
  kase: Case,
  command: CaseCommand,
  ctx: CommandContext,
  type: T,
  data: CaseEventData[T],
  why?: string,
): NewCaseEvent<T> {
  const at = occurredAt(kase, command, ctx.now);
  const recordedAt = ctx.now.toISOString();
  return {
    type,
    at,
    ...(recordedAt !== at ? { recordedAt } : {}),
    by: ctx.actor,
    ...(why?.trim() ? { why } : {}),
    data,
  } as NewCaseEvent<T>;
}
