import type { AppDeps } from "../../src/app/app-deps.js";
import { reindexCase } from "../../src/app/reindex-case.js";
import type { Case } from "../../src/domain/case.js";
import type { Contact, ContactKind } from "../../src/domain/contact.js";
import { aCase, type CaseBuilder } from "./case-builder.js";

export interface SeedOptions {
  /** How many cases. */
  readonly count: number;
  /** First case number (FC-<year>-<n>); keeps ids apart when seeding twice. */
  readonly firstNumber?: number;
  /** The instant the newest case arrived; older ones are spread back over `spreadDays`. */
  readonly newest: string;
  readonly spreadDays?: number;
  /** Practitioners cases are allocated to, round robin. */
  readonly workerIds?: readonly string[];
  /** Writes in flight at once (Azurite handles ~50 well). */
  readonly concurrency?: number;
  /**
   * A centre's history rather than a caseload: only the newest `open` cases are still open (in the mix below); every
   * older one was closed at screening or at the MAAM, as most contacts are. All are open when not given.
   */
  readonly open?: number;
}

const KINDS: readonly ContactKind[] = ["request-for-support", "early-help-assessment", "front-door", "dart"];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A realistic mix along the Family Solutions path: a fifth awaiting screening (half with a referrer to confirm),
 * a fifth awaiting MAAM, a tenth on the Pre-Allocation List, the rest allocated with casework under way.
 */
function shapeOf(n: number, builder: CaseBuilder, at: (hours: number) => string, worker: string): CaseBuilder {
  const slot = n % 10;
  if (slot < 2) return builder;
  if (slot < 4) return builder.screenedAs("maam", { at: at(20) });
  if (slot < 5) return builder.screenedAs("maam", { at: at(20) }).decidedAtMaam("pre-allocation-list", { at: at(200) });
  const allocated = builder.allocatedOn(at(22), worker);
  if (slot < 7) return allocated;
  return allocated.then({ type: "recordInitialContact" }, { at: at(40) });
}

/** The contacts a built case's log names (the intake writes one per `contact.received`). */
function contactsOf(kase: Case): Contact[] {
  return kase.events.flatMap((e) =>
    e.type === "contact.received"
      ? [
          {
            id: e.data.contactId,
            caseId: kase.id,
            kind: e.data.kind,
            receivedAt: e.at,
            channel: "mailbox" as const,
            subject: `${e.data.kind} for case ${kase.id}`,
            ...(kase.referrer ? { referrer: kase.referrer } : {}),
            isFollowUp: e.data.followUp,
          },
        ]
      : [],
  );
}

/** A closed contact: no further action or signposted, at screening or at the MAAM (each outcome's note given). */
function closedShapeOf(n: number, builder: CaseBuilder, at: (hours: number) => string): CaseBuilder {
  const note = { note: "Needs met by universal services." };
  switch (n % 4) {
    case 0:
      return builder.screenedAs("no-further-action", { ...note, at: at(20) });
    case 1:
      return builder.screenedAs("signpost", { ...note, at: at(20) });
    case 2:
      return builder.screenedAs("maam", { at: at(20) }).decidedAtMaam("signpost", { ...note, at: at(200) });
    default:
      return builder.screenedAs("maam", { at: at(20) }).decidedAtMaam("no-further-action", { ...note, at: at(200) });
  }
}

/** Builds case `n` of a seed (ids FC-<year of newest>-<n>). */
export function seededCase(n: number, options: SeedOptions): Case {
  const spread = (options.spreadDays ?? 365) * DAY_MS;
  const age = (n * 7919) % options.count; // 0 is the newest
  const received = new Date(Date.parse(options.newest) - age * (spread / options.count));
  const at = (hours: number) => new Date(received.getTime() + hours * 60 * 60 * 1000).toISOString();
  const workers = options.workerIds ?? ["worker-1", "worker-2", "worker-3"];
  const builder = aCase()
    .withId(`FC-${options.newest.slice(0, 4)}-${String(n).padStart(6, "0")}`)
    .ofKind(KINDS[n % KINDS.length] ?? "request-for-support")
    .receivedAt(received.toISOString())
    .referredBy({ email: `referrer${n}@school.example`, organisation: "A school", confirmed: n % 20 !== 0 });
  if (options.open !== undefined && age >= options.open) return closedShapeOf(n, builder, at).build();
  return shapeOf(n, builder, at, workers[n % workers.length] ?? "worker-1").build();
}

/** Writes `count` cases and their derived rows (worklists, deadlines, compliance), many at a time. */
export async function seedCases(
  deps: Pick<AppDeps, "cases" | "worklists" | "deadlines" | "compliance" | "profile" | "calendar" | "clock">,
  options: SeedOptions,
): Promise<string[]> {
  const first = options.firstNumber ?? 1;
  const numbers = Array.from({ length: options.count }, (_, i) => first + i);
  const ids: string[] = [];
  const now = deps.clock.now();
  let next = 0;
  const worker = async () => {
    while (next < numbers.length) {
      const n = numbers[next++] ?? first;
      const kase = seededCase(n, options);
      await deps.cases.create(kase, kase.events, contactsOf(kase));
      await reindexCase(deps, kase, now);
      ids.push(kase.id);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 32 }, worker));
  return ids.sort();
}
