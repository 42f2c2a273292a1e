import { clockStillDue, type ClockRef, type DueClock } from "../../src/app/queries/due-clocks.js";
import type { BotDeps } from "../bot-deps.js";

/** Reads a clock reference from a payload the nudge job wrote; anything else is not one. */
export function clockRef(value: unknown): ClockRef | undefined {
  const v = value as Partial<Record<keyof ClockRef, unknown>> | null;
  if (typeof v !== "object" || v === null) return undefined;
  const { caseId, ruleId, instance } = v;
  if (typeof caseId !== "string" || typeof ruleId !== "string" || typeof instance !== "number") return undefined;
  return { caseId, ruleId, instance };
}

/** Every clock of a digest still due, in the order given (a clock met or cancelled since is left out). */
export async function stillDueAll(deps: BotDeps, refs: readonly unknown[]): Promise<DueClock[]> {
  const items = await Promise.all(
    refs.map((r) => clockRef(r)).map((ref) => (ref === undefined ? undefined : clockStillDue(deps.app, ref))),
  );
  return items.filter((i): i is DueClock => i !== undefined);
}
