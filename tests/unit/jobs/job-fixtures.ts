import { caseHeader } from "../../../src/app/reindex-case.js";
import { englandAndWalesBankHolidays } from "../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../src/domain/calendar/create-calendar.js";
import type { Case } from "../../../src/domain/case.js";
import type { JobDeps } from "../../../src/jobs/job-deps.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import type { Clock } from "../../../src/ports/clock.js";
import type { Mailbox } from "../../../src/ports/mailbox.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";
import type { Store } from "../../../src/store/store.js";

export const london = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2026, 2027) });

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant);
  }
  set(iso: string): void {
    this.instant = new Date(iso);
  }
}

/** The jobs here never touch the mailbox: any call is a test failure. */
const noMailbox = new Proxy({} as Mailbox, {
  get: (_target, name) => () => Promise.reject(new Error(`mailbox.${String(name)} was not expected`)),
});

export function jobDeps(
  store: Store = createMemoryStore(),
  options: { profile?: string; now?: string } = {},
): JobDeps & { store: Store; clock: FakeClock } {
  const clock = new FakeClock(new Date(options.now ?? "2026-12-01T09:30:00Z"));
  return {
    ...store,
    store,
    mailbox: noMailbox,
    profile: loadProfile(options.profile ?? "family-solutions"),
    calendar: london,
    clock,
    logger: silentLogger,
    mailContext: {
      groupMailbox: "family.centre@example.org",
      earlyHelpDesk: [],
      ownMarker: { header: "x-fc-outbox-key" },
      caseReferencePattern: /FC-\d{4}-\d{6}/,
    },
    centre: {
      name: "Test Family Centre",
      mailbox: "family.centre@example.org",
      maxAcksPerSenderPerDay: 3,
      letterInTransitMinutes: 15,
      acknowledgeWithinHours: 96,
    },
  };
}

/** Puts a built case on its queues, as saving it would. */
export const onQueues = (deps: JobDeps, ...cases: Case[]): Promise<void[]> =>
  Promise.all(cases.map((c) => deps.worklists.sync(caseHeader(c))));
