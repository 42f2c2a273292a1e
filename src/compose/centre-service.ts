import type { Router } from "express";
import type { Bot } from "../../bot/bot-adapter.js";
import type { BotCentres } from "../../bot/centres/bot-centres.js";
import type { IdentifyPerson } from "../app/people.js";
import type { AppDeps } from "../app/app-deps.js";
import { checkReadiness, type Readiness } from "../app/check-readiness.js";
import { notificationRoutes } from "../graph/notification-routes.js";
import { startGraphSlots } from "../jobs/graph-slots.js";
import { createInboxPump } from "../jobs/inbox-pump.js";
import { checkMailboxAtStart } from "../jobs/mail-jobs.js";
import { clearStoppedHolder, type MailPipeline, type PipelineLeases } from "../jobs/pipeline-leases.js";
import { createScheduler, jobLeaseName, type Job, type Scheduler } from "../jobs/scheduler.js";
import { inboxRoundLease } from "../app/sync-inbox.js";
import { DEFAULT_JOB_SETTINGS, standardJobs } from "../jobs/standard-jobs.js";
import { isLifecycleEvent, subscriptionKeeper } from "../jobs/subscription-keeper.js";
import { describeError, type Logger } from "../logging/logger.js";
import type { Centres } from "../ports/centres.js";
import type { Clock } from "../ports/clock.js";
import { MailboxNotReadableError } from "../ports/mailbox.js";
import type { RecordStore, StaffMember } from "../ports/records.js";
import type { Store } from "../store/store.js";
import { apiFromConfig } from "./api-from-config.js";
import { appDepsFromConfig } from "./app-deps-from-config.js";
import { botFromConfig, identifyIn } from "./bot-from-config.js";
import { ConfigError, type CentreConfig, type Config } from "./config.js";
import { subscriptionSettings } from "./graph-from-config.js";
import type { LocalMode } from "./local-mode/local-mode.js";

export interface CentreServiceOptions {
  readonly logger: Logger;
  readonly clock: Clock;
  readonly instanceId: string;
  /** Which instance runs each mailbox's pipeline; a notification for one held elsewhere is left for its holder. */
  readonly pipelines: Pick<PipelineLeases, "holds" | "leaveNotification">;
  /** Local mode's development tokens, user switcher and anyone-may-do-anything identity. */
  readonly local?: (deps: AppDeps) => Promise<LocalMode>;
  /** The county's staff list: its county managers read this centre's compliance and team views. */
  readonly countyStaff?: Pick<RecordStore<StaffMember>, "get">;
  /** The deployment's other centres (transfers), where there are any. */
  readonly centres?: Centres;
  /** Several centres: the county's, for this centre's bot to name its cards and know the others. */
  readonly botCentres?: BotCentres;
}

/** One Family Centre served: its own tables, mailbox pipeline, jobs, API and bot, apart from every other centre's. */
export interface CentreService {
  readonly centre: CentreConfig;
  readonly deps: AppDeps;
  readonly store: Store;
  /** Its API (`/api/…`), to be mounted under `/api/centres/<id>` (and at `/api` for the first centre). */
  readonly api: Router;
  readonly notifications: Router;
  readonly bot: Bot;
  /** Who a Teams user is here (its Staff table; in local mode, anyone). */
  readonly identify: IdentifyPerson;
  readonly local?: LocalMode;
  /** Its mailbox's pipeline, started and stopped by the instance's pipeline leases. */
  readonly pipeline: MailPipeline;
  readiness(): Promise<Readiness>;
  /** Starts its jobs other than the mailbox's (agendas, nudges, Teams, nightly), each under its own lease. */
  start(): void;
  /**
   * Runs an inbox round now, on whichever instance (rounds are leased), and waits for it, the letters after it and the
   * projection of the cases they changed.
   */
  syncNow(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Composes one centre: everything that touches its mailbox is its own (Graph client and throttle budget, share of
 * the mailbox's concurrent requests, subscription, delta link, leases), so a storm in one mailbox slows no other.
 */
export async function startCentre(
  config: Config,
  centre: CentreConfig,
  options: CentreServiceOptions,
): Promise<CentreService> {
  const { clock, instanceId } = options;
  const logger = options.logger.child({ centre: centre.id });
  const built = await appDepsFromConfig(config, logger, clock, centre);
  const { store, graph } = built;
  const deps: AppDeps = options.centres === undefined ? built.deps : { ...built.deps, centres: options.centres };
  await checkMailboxAtStart(deps).catch((error: unknown) => {
    throw error instanceof MailboxNotReadableError ? new ConfigError([`${centre.id}: ${error.message}`]) : error;
  });
  const local = options.local === undefined ? undefined : await options.local(deps);

  const pump = createInboxPump(deps, instanceId);
  const keeper = subscriptionKeeper(deps, graph.subscriptions, subscriptionSettings(config, centre), clock, pump.inbox);
  const county = options.botCentres && { centreId: centre.id, centres: options.botCentres };
  const bot = botFromConfig(config, deps, local, county);
  const jobs = standardJobs(deps, {
    ...DEFAULT_JOB_SETTINGS,
    holderId: instanceId,
    agendaAt: centre.practice.agendaAt,
    deltaSafetyNetMinutes: config.graph.deltaSafetyNetMinutes,
    teams: { notifier: bot.notifier, renderCard: bot.renderCard },
    mail: { keeper },
    sweepJunkMail: centre.mailbox.junkMail === "sweep",
    repair: { at: centre.practice.repairAt },
  });
  const schedulerOf = (some: Job[]): Scheduler =>
    createScheduler({ jobs: some, leases: deps.leases, clock, logger, holderId: instanceId });
  const scheduler = schedulerOf(jobs.filter((job) => !job.mailPipeline));
  const pipelineLeaseNames = new Set([
    inboxRoundLease(centre.mailbox.address),
    ...jobs.filter((job) => job.mailPipeline).map(jobLeaseName),
  ]);
  const isPipelineLease = (name: string) => pipelineLeaseNames.has(name) || name.startsWith("graph-slot");
  // Until this instance holds the mailbox's pipeline (and its Graph slots), it sends one request at a time.
  graph.client.setMaxConcurrent(1);
  let mail: { readonly scheduler: Scheduler; readonly slots: { stop(): Promise<void> } } | undefined;
  const pipeline: MailPipeline = {
    async start() {
      if (mail) return;
      await clearStoppedHolder(store.leaseBook, deps.leases, instanceId, isPipelineLease);
      // Graph's 4 concurrent requests per mailbox, shared with the other instances before anything is sent.
      const slots = await startGraphSlots({
        leases: deps.leases,
        clock,
        logger,
        mailbox: centre.mailbox.address,
        holderId: instanceId,
        setCapacity: (requests) => graph.client.setMaxConcurrent(requests),
      });
      mail = { scheduler: schedulerOf(jobs.filter((job) => job.mailPipeline)), slots };
      mail.scheduler.start(); // its first round creates or renews the subscription
      pump.inbox.request();
    },
    async stop() {
      const running = mail;
      mail = undefined;
      pump.stop();
      if (running === undefined) return;
      await running.scheduler.stop();
      await pump.inbox.idle();
      await pump.letters.idle();
      await pump.projections.idle();
      await running.slots.stop();
      graph.client.setMaxConcurrent(1);
    },
    notified(kind) {
      if (kind === "changed") pump.notified();
      else if (isLifecycleEvent(kind)) void keeper.onLifecycle(kind);
    },
  };
  /** Held here: handled now. Held elsewhere (or by no one for a moment): left for the holder's next tick. */
  const received = (kind: string, here: () => void) => {
    if (options.pipelines.holds(centre.id)) return here();
    options.pipelines
      .leaveNotification(centre.id, kind)
      .catch((error: unknown) => logger.error("graph.notification.not-left", describeError(error)));
  };
  return {
    centre,
    deps,
    store,
    api: apiFromConfig(config, deps, logger, local, options.countyStaff),
    notifications: notificationRoutes({
      clientState: config.graph.notificationClientState,
      logger,
      onMailChanged: () => received("changed", () => pump.notified()),
      onLifecycle: (event, subscriptionId) => received(event, () => void keeper.onLifecycle(event, subscriptionId)),
      centre: centre.id,
      first: centre === config.centres[0],
    }),
    bot,
    identify: identifyIn(deps, local),
    ...(local === undefined ? {} : { local }),
    pipeline,
    readiness: () =>
      checkReadiness({ sync: store.sync, leaseStates: store.leaseStates, mailbox: graph.mailbox, clock }),
    start() {
      scheduler.start();
    },
    async syncNow() {
      pump.inbox.request();
      await pump.inbox.idle();
      await pump.letters.idle();
      await pump.projections.idle();
    },
    async close() {
      await pipeline.stop();
      await scheduler.stop();
      await pump.inbox.idle();
      await pump.letters.idle();
      await pump.projections.idle();
    },
  };
}
