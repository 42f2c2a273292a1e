import { projectCases } from "../app/project-cases.js";
import { sweepJunkMail } from "../app/sweep-junk-mail.js";
import type { RenderCard, TeamsNotifier } from "../ports/teams.js";
import { parseTimeOfDay, type TimeOfDay } from "./agenda-plan.js";
import { deliverTeamsOutbox } from "./deliver-teams-outbox.js";
import type { JobDeps } from "./job-deps.js";
import { DRAIN_FOR_MS, drainEmailOutbox, inboxSafetyNet } from "./mail-jobs.js";
import { nightlyRepair } from "./nightly-repair.js";
import { nightlyRetention } from "./nightly-retention.js";
import { postAgendas } from "./post-agendas.js";
import type { Job } from "./scheduler.js";
import type { SubscriptionKeeper } from "./subscription-keeper.js";
import { sendNudges } from "./send-nudges.js";

const MINUTE_MS = 60_000;

/** How often each job runs and what it needs; the composition root fills it from `Config`. */
export interface JobSettings {
  readonly holderId: string;
  /** London time from which each working day's (and each panel day's) agenda is posted. */
  readonly agendaAt: TimeOfDay;
  readonly nudgeEveryMinutes: number;
  readonly overdueLookbackDays: number;
  readonly deltaSafetyNetMinutes: number;
  readonly outboxEverySeconds: number;
  /** How often the projector looks for case changes whose worklists, deadlines and compliance rows are still due. */
  readonly projectEverySeconds?: number;
  readonly subscriptionEveryMinutes: number;
  readonly teams?: { readonly notifier: TeamsNotifier; readonly renderCard: RenderCard };
  readonly mail?: { readonly keeper: SubscriptionKeeper };
  /** Move mail Exchange filtered into Junk Email into the Inbox, every safety-net period (FC_JUNK_MAIL=sweep). */
  readonly sweepJunkMail?: boolean;
  /** The nightly repair and the retention run: from `at` (London) once a day each. */
  readonly repair?: { readonly at: TimeOfDay };
}

export const DEFAULT_JOB_SETTINGS = {
  agendaAt: "09:30",
  nudgeEveryMinutes: 15,
  overdueLookbackDays: 92,
  deltaSafetyNetMinutes: 15,
  outboxEverySeconds: 5,
  projectEverySeconds: 5,
  subscriptionEveryMinutes: 60,
} as const satisfies Partial<JobSettings>;

/** The service's jobs, ready for `createScheduler`; Teams and mail jobs only when those adapters are wired. */
export function standardJobs(deps: JobDeps, settings: JobSettings): Job[] {
  parseTimeOfDay("The agenda time", settings.agendaAt);
  const jobs: Job[] = [
    { name: "agendas", everyMs: MINUTE_MS, run: (now) => postAgendas(deps, now, settings.agendaAt) },
    {
      name: "nudges",
      everyMs: settings.nudgeEveryMinutes * MINUTE_MS,
      run: (now) => sendNudges(deps, now, { overdueLookbackDays: settings.overdueLookbackDays }),
    },
    {
      name: "inbox-safety-net",
      mailPipeline: true,
      everyMs: settings.deltaSafetyNetMinutes * MINUTE_MS,
      run: () => inboxSafetyNet(deps, settings.holderId),
    },
    {
      name: "email-outbox",
      mailPipeline: true,
      everyMs: settings.outboxEverySeconds * 1000,
      // A drain may run through a backlog for DRAIN_FOR_MS: its lease outlives that, so no second drain joins in.
      leaseMs: DRAIN_FOR_MS + MINUTE_MS,
      run: () => drainEmailOutbox(deps),
    },
    {
      // Its first run, at start, catches up with whatever a stopped instance left unprojected.
      name: "projector",
      everyMs: (settings.projectEverySeconds ?? DEFAULT_JOB_SETTINGS.projectEverySeconds) * 1000,
      run: () => projectCases(deps, settings.holderId),
    },
  ];
  const { teams, mail, repair } = settings;
  if (settings.sweepJunkMail) {
    jobs.push({
      name: "junk-sweep",
      mailPipeline: true,
      everyMs: settings.deltaSafetyNetMinutes * MINUTE_MS,
      run: () => sweepJunkMail(deps),
    });
  }
  if (repair !== undefined) {
    parseTimeOfDay("The nightly repair time", repair.at);
    jobs.push({
      name: "nightly-repair",
      everyMs: 15 * MINUTE_MS,
      // A rebuild of every case can take a while: its lease outlives the tick, so a second instance never joins in.
      leaseMs: 2 * 60 * MINUTE_MS,
      run: (now) => nightlyRepair(deps, now, repair.at),
    });
    // The retention schedule is applied in the same quiet hours, under its own lease (it deletes nothing until the
    // council has saved a schedule in Settings).
    jobs.push({
      name: "nightly-retention",
      everyMs: 15 * MINUTE_MS,
      leaseMs: 2 * 60 * MINUTE_MS,
      run: (now) => nightlyRetention(deps, now, repair.at),
    });
  }
  if (teams !== undefined) {
    jobs.push({
      name: "teams-outbox",
      everyMs: settings.outboxEverySeconds * 1000,
      run: () => deliverTeamsOutbox(deps, teams.notifier, teams.renderCard),
    });
  }
  if (mail !== undefined) {
    jobs.push({
      name: "subscription",
      mailPipeline: true,
      everyMs: settings.subscriptionEveryMinutes * MINUTE_MS,
      run: () => mail.keeper.ensure(),
    });
  }
  return jobs;
}
