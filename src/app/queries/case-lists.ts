import { workerList } from "../../domain/worklists.js";
import type { Deadline } from "../../domain/rules/deadlines.js";
import type { AppDeps } from "../app-deps.js";
import { byUrgency, readCase, type CaseReading } from "./case-reading.js";
import { clocksNow } from "./clocks-now.js";
import { casesOn, casesOnPage } from "./worklist-cases.js";

type ListDeps = Pick<AppDeps, "worklists" | "cases" | "profile" | "calendar" | "clock">;

export interface ReadingsPage {
  readonly items: readonly CaseReading[];
  readonly continuation?: string;
}

/** One page of a worker's open cases, most urgent first (the tab's "my cases"). */
export async function myCasesPage(deps: ListDeps, workerId: string, continuation?: string): Promise<ReadingsPage> {
  const page = await casesOnPage(deps, workerList(workerId), continuation);
  const clocks = clocksNow(deps);
  return {
    items: page.cases.map((stored) => readCase(stored, clocks)).sort(byUrgency),
    ...(page.continuation ? { continuation: page.continuation } : {}),
  };
}

/** Every open case of a worker, most urgent first (the bot's "my cases" and "due"). */
export async function myCases(deps: ListDeps, workerId: string): Promise<CaseReading[]> {
  const clocks = clocksNow(deps);
  return (await casesOn(deps, workerList(workerId))).map((stored) => readCase(stored, clocks)).sort(byUrgency);
}

export interface PreAllocationReading extends CaseReading {
  /** The running weekly-contact clock (3.3 in Family Solutions), if any. */
  readonly contactClock?: Deadline;
  readonly lastContactAt?: string;
}

/**
 * The Pre-Allocation List, each case with its weekly-contact clock: the profile's clock rule stopped by a recorded
 * contact, found by its stop event rather than by a number written here.
 */
export async function preAllocationPage(
  deps: ListDeps,
  continuation?: string,
): Promise<{ readonly items: readonly PreAllocationReading[]; readonly continuation?: string }> {
  const page = await casesOnPage(deps, "pre-allocation", continuation);
  const contactRules = new Set(
    deps.profile.rules
      .filter((r) => r.kind === "clock" && r.stop.some((s) => s.event === "pre-allocation.contact-recorded"))
      .map((r) => r.id),
  );
  const clocks = clocksNow(deps);
  const items = page.cases.map((stored): PreAllocationReading => {
    const reading = readCase(stored, clocks);
    const contactClock = reading.clocks.filter((d) => contactRules.has(d.ruleId)).at(-1);
    const lastContact = stored.case.events.findLast((e) => e.type === "pre-allocation.contact-recorded");
    return {
      ...reading,
      ...(contactClock ? { contactClock } : {}),
      ...(lastContact ? { lastContactAt: lastContact.at } : {}),
    };
  });
  return { items: items.sort(byUrgency), ...(page.continuation ? { continuation: page.continuation } : {}) };
}
