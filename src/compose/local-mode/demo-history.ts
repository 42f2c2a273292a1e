import { actionContext, isAvailable } from "../../app/actions/available-actions.js";
import type { ActionContext, ActionInput, CaseActionSpec } from "../../app/actions/case-action.js";
import { actionById } from "../../app/actions/catalogue.js";
import { takeCaseAction } from "../../app/actions/take-case-action.js";
import type { AppDeps } from "../../app/app-deps.js";
import { CONTACT_FORM, logContactFromForm } from "../../app/contacts/contact-form.js";
import type { Decider } from "../../app/decider.js";
import { deliverOutbox } from "../../app/deliver-outbox.js";
import { identifyStaff } from "../../app/people.js";
import type { Clock } from "../../ports/clock.js";
import { DEMO_STAFF } from "./demo-staff.js";

/**
 * LOCAL MODE ONLY: three months of a made-up centre, lived through the real use cases on a stepped clock (never a
 * row written directly): contacts of every kind logged by hand, screening and MAAM decisions, allocations, visits,
 * assessments, plans, reviews and closures, some late with the reason recorded, a few left to breach. The same seed
 * gives the same centre; a store that holds any case already is never seeded.
 */
export interface DemoHistoryOptions {
  /** How many contacts (about 150). */
  readonly contacts?: number;
  /** How far back the history starts, in days (about three months). */
  readonly days?: number;
  readonly seed?: number;
  /** Asked before each step: true stops the seeding (the service is closing). */
  readonly stopping?: () => boolean;
}

export interface DemoHistorySummary {
  readonly seeded: boolean;
  readonly contacts: number;
  readonly steps: number;
  readonly lettersSent: number;
  readonly ms: number;
}

/** The path a case walks, in order: the first of these someone may take is the case's next step. */
const PATH = [
  "record-consent",
  "record-front-door-decision",
  "record-screening-decision",
  "record-maam-decision",
  "record-transfer-panel-decision",
  "allocate-case",
  "record-initial-contact",
  "record-visit",
  "complete-assessment",
  "complete-plan",
  "hold-review",
  "request-closure",
  "sign-off-closure",
] as const;

/** Preferred outcomes, so that most cases go on to casework and some stop early, as a centre's would. */
const LIKELY_OUTCOME: Readonly<Record<string, readonly string[]>> = {
  "record-screening-decision": ["maam", "maam", "maam", "accept", "allocate"],
  "record-maam-decision": ["allocate", "allocate", "allocate", "pre-allocation-list"],
  "record-front-door-decision": ["family-wellbeing"],
};

const LATE_REASONS = [
  "The family did not answer calls or letters for a week.",
  "The worker was on leave; cover was arranged late.",
  "The family asked to meet after the school holidays.",
  "Waiting for the school to share the plan.",
];

const DEMO_NOTE = "Made-up demo history: a fictional family at the demo centre.";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small deterministic generator (mulberry32), so the demo centre is the same on every machine. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A clock the seeding sets as it goes; the use cases read their time from it. */
class SteppedClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
}

interface Walk {
  readonly deps: AppDeps;
  readonly clock: SteppedClock;
  readonly random: () => number;
  readonly team: readonly Decider[];
  readonly end: Date;
}

const pick = <T>(random: () => number, items: readonly T[]): T | undefined =>
  items[Math.floor(random() * items.length)];

/** The instant `days` working days after `from`, between 09:30 and 15:30 in London. */
function workingDaysLater(walk: Walk, from: Date, days: number): Date {
  const { calendar } = walk.deps;
  const date = calendar.addWorkingDays(calendar.localDate(from), Math.max(0, days));
  const start = calendar.startOfDay(date).getTime() + 9.5 * HOUR + Math.floor(walk.random() * 6 * HOUR);
  return new Date(Math.max(start, from.getTime() + 60_000));
}

/** What a person would type into an action's inputs, made up. */
function valuesFor(
  walk: Walk,
  actionId: string,
  inputs: readonly ActionInput[],
  withWorker = false,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const now = walk.clock.now();
  for (const input of inputs) {
    const options = (input.options ?? []).map((o) => o.value);
    switch (input.type) {
      case "boolean":
        values[input.name] = input.name.startsWith("checklist.") || walk.random() < 0.9;
        break;
      case "date":
        values[input.name] = walk.deps.calendar.localDate(now);
        break;
      case "datetime":
        values[input.name] = now.toISOString();
        break;
      case "staff":
        // A panel names a worker only with an outcome that allocates (said when it is missing: then it is given).
        if (!input.required && !withWorker) break;
        values[input.name] = pick(walk.random, options);
        break;
      case "choice": {
        const likely = (LIKELY_OUTCOME[actionId] ?? []).filter((o) => options.includes(o));
        const chosen = input.name === "outcome" && likely.length > 0 && walk.random() < 0.8 ? likely : options;
        const value = pick(walk.random, chosen);
        if (value !== undefined) values[input.name] = value;
        break;
      }
      default:
        values[input.name] = input.name === "reason" ? pick(walk.random, LATE_REASONS) : DEMO_NOTE;
    }
  }
  return values;
}

/** The next step on the path someone on the team may take now, and who takes it. */
async function nextStep(
  walk: Walk,
  caseId: string,
  taken: ReadonlySet<string>,
): Promise<{ spec: CaseActionSpec; who: Decider; ctx: ActionContext } | undefined> {
  const stored = await walk.deps.cases.getCase(caseId);
  if (stored.case.state === "closed") return undefined;
  const ctx = await actionContext(walk.deps, stored);
  for (const id of PATH) {
    const spec = actionById(id);
    if (spec === undefined || taken.has(id)) continue;
    const who = walk.team.find((member) => isAvailable(spec, ctx, member));
    if (who !== undefined) return { spec, who, ctx };
  }
  return undefined;
}

/** Takes one action as the person would, at the clock's time, then sends the letters it queued. */
async function take(
  walk: Walk,
  caseId: string,
  spec: CaseActionSpec,
  who: Decider,
  ctx: ActionContext,
): Promise<boolean> {
  const actionId = spec.id;
  const inputs = spec.inputs(ctx);
  const values = valuesFor(walk, actionId, inputs);
  let outcome = await takeCaseAction(walk.deps, caseId, actionId, values, who);
  const worker = inputs.find((i) => i.type === "staff" && !i.required);
  if (outcome.status === "refused" && worker !== undefined) {
    const again = { ...values, [worker.name]: valuesFor(walk, actionId, [worker], true)[worker.name] };
    outcome = await takeCaseAction(walk.deps, caseId, actionId, again, who);
  }
  return outcome.status === "recorded" || outcome.status === "already-recorded";
}

/** Records why the case's late clocks were late, as the lead worker (or a manager) would. */
async function explainLateness(walk: Walk, caseId: string): Promise<number> {
  const spec = actionById("record-clock-reason");
  if (spec === undefined) return 0;
  const ctx = await actionContext(walk.deps, await walk.deps.cases.getCase(caseId));
  const who = walk.team.find((member) => isAvailable(spec, ctx, member));
  if (who === undefined) return 0;
  return (await take(walk, caseId, spec, who, ctx)) ? 1 : 0;
}

/** One case, from its contact to wherever its made-up story stops (or today). */
async function liveOneCase(walk: Walk, n: number, receivedAt: Date): Promise<{ steps: number; letters: number }> {
  const { deps, clock, random } = walk;
  const kinds = (CONTACT_FORM.find((i) => i.name === "kind")?.options ?? []).map((o) => o.value);
  const kind = kinds[n % kinds.length] ?? "request-for-support";
  const channel =
    kind === "step-down-from-social-care"
      ? "social-care"
      : (pick(random, ["phone", "walk-in", "letter", "gateway"]) ?? "phone");
  clock.at = new Date(receivedAt.getTime() + 20 * 60_000);
  const duty = walk.team.find((m) => m.roles.includes("duty-worker")) ?? walk.team[0];
  if (duty === undefined) return { steps: 0, letters: 0 };
  const logged = await logContactFromForm(deps, duty, {
    kind,
    channel,
    "received-at": receivedAt.toISOString(),
    "referrer-name": `Demo Referrer ${n}`,
    "referrer-email": `demo.referrer.${n}@school.example`,
    "referrer-organisation": "Demo Primary School (fictional)",
    summary: `Demo contact ${n} (made up)`,
  });
  if (logged.status !== "recorded") return { steps: 0, letters: 0 };
  const caseId = logged.case.id;
  let letters = (await deliverOutbox(deps, 10)).sent;
  let steps = 1;
  // Most cases go as far as the time since allows; some stall (their clocks run on and breach).
  const stallAfter = random() < 0.1 ? 1 + Math.floor(random() * 4) : Infinity;
  const taken = new Set<string>();
  let at = clock.at;
  for (let i = 0; i < PATH.length && i < stallAfter; i++) {
    const late = random() < 0.12;
    const next = workingDaysLater(walk, at, late ? 12 + Math.floor(random() * 15) : Math.floor(random() * 4));
    if (next.getTime() > walk.end.getTime()) break;
    clock.at = next;
    at = next;
    const step = await nextStep(walk, caseId, taken);
    if (step === undefined) break;
    taken.add(step.spec.id);
    if (!(await take(walk, caseId, step.spec, step.who, step.ctx))) break;
    steps++;
    if (late && random() < 0.7) steps += await explainLateness(walk, caseId);
    // A decision tells the referrer its outcome: sent at the time it was decided.
    if (step.spec.id.endsWith("-decision")) letters += (await deliverOutbox(deps, 10)).sent;
  }
  return { steps, letters };
}

/** Whether the store holds any case: a centre with history (or a second start) is never seeded again. */
async function hasAnyCase(deps: Pick<AppDeps, "cases">): Promise<boolean> {
  for await (const header of deps.cases.listCaseHeaders()) {
    void header;
    return true;
  }
  return false;
}

/** Seeds the demo centre once; the summary says how much and how long (counts only: it is all made up anyway). */
export async function seedDemoHistory(deps: AppDeps, options: DemoHistoryOptions = {}): Promise<DemoHistorySummary> {
  const started = Date.now();
  const none = { seeded: false, contacts: 0, steps: 0, lettersSent: 0, ms: 0 };
  if (await hasAnyCase(deps)) return none;
  const end = deps.clock.now();
  const days = options.days ?? 91;
  const count = options.contacts ?? 150;
  const random = generator(options.seed ?? 17);
  const team = (await Promise.all(DEMO_STAFF.map((m) => identifyStaff(deps, m.id)))).filter(
    (m): m is NonNullable<typeof m> => m !== undefined,
  );
  const clock = new SteppedClock(new Date(end.getTime() - days * DAY));
  const walk: Walk = { deps: { ...deps, clock }, clock, random, team, end };
  let steps = 0;
  let letters = 0;
  let contacts = 0;
  for (let n = 1; n <= count; n++) {
    if (options.stopping?.() === true) break;
    // Contacts spread over the period, a little more of them lately, each in working hours.
    const share = Math.sqrt((n - 1 + random()) / count);
    const receivedAt = workingDaysLater(walk, new Date(end.getTime() - days * DAY * (1 - share) - DAY), 0);
    if (receivedAt.getTime() > end.getTime() - HOUR) continue;
    const lived = await liveOneCase(walk, n, receivedAt);
    contacts += lived.steps > 0 ? 1 : 0;
    steps += lived.steps;
    letters += lived.letters;
  }
  return { seeded: true, contacts, steps, lettersSent: letters, ms: Date.now() - started };
}

/** The seeding as it runs behind a started service: its summary when done, and a way to stop it early. */
export interface DemoSeeding {
  readonly done: Promise<DemoHistorySummary | undefined>;
  stop(): Promise<void>;
}

/**
 * Seeds the demo centre in the background after the service is up (it takes tens of seconds), logging how many
 * contacts and steps and how long; a failure is logged, never fatal: the service runs with what was seeded.
 */
export function startDemoSeeding(deps: AppDeps, options: DemoHistoryOptions = {}): DemoSeeding {
  let stopping = false;
  deps.logger.info("demo.seeding", {
    note: "LOCAL MODE: seeding the made-up demo centre's history (FC_DEMO=off to skip)",
  });
  const done = seedDemoHistory(deps, { ...options, stopping: () => stopping })
    .then((summary) => {
      deps.logger.info("demo.seeded", { ...summary });
      return summary;
    })
    .catch((error: unknown) => {
      deps.logger.error("demo.seeding-failed", { message: error instanceof Error ? error.message : "unknown" });
      return undefined;
    });
  return {
    done,
    async stop() {
      stopping = true;
      await done;
    },
  };
}
