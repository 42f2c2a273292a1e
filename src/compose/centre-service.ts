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
import { createScheduler, type Scheduler } from "../jobs/scheduler.js";
import { DEFAULT_JOB_SETTINGS, standardJobs } from "../jobs/standard-jobs.js";
import { subscriptionKeeper } from "../jobs/subscription-keeper.js";
import type { Logger } from "../logging/logger.js";
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
  readiness(): Promise<Readiness>;
  /** Starts its jobs and its first inbox round. */
  start(): void;
  /** Runs an inbox round now and waits for it (and the letters after it). */
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

  // Graph's 4 concurrent requests per mailbox, shared with the other instances before anything is sent.
  const slots = await startGraphSlots({
    leases: deps.leases,
    clock,
    logger,
    mailbox: centre.mailbox.address,
    holderId: instanceId,
    setCapacity: (requests) => graph.client.setMaxConcurrent(requests),
  });
  const pump = createInboxPump(deps, instanceId);
  const keeper = subscriptionKeeper(deps, graph.subscriptions, subscriptionSettings(config, centre), clock, pump.inbox);
  const county = options.botCentres && { centreId: centre.id, centres: options.botCentres };
  const bot = botFromConfig(config, deps, local, county);
  const scheduler: Scheduler = createScheduler({
    jobs: standardJobs(deps, {
      ...DEFAULT_JOB_SETTINGS,
      holderId: instanceId,
      agendaAt: centre.practice.agendaAt,
      deltaSafetyNetMinutes: config.graph.deltaSafetyNetMinutes,
      teams: { notifier: bot.notifier, renderCard: bot.renderCard },
      mail: { keeper },
      sweepJunkMail: centre.mailbox.junkMail === "sweep",
      repair: { at: centre.practice.repairAt },
    }),
    leases: deps.leases,
    clock,
    logger,
    holderId: instanceId,
  });
  return {
    centre,
    deps,
    store,
    api: apiFromConfig(config, deps, logger, local, options.countyStaff),
    notifications: notificationRoutes({
      clientState: config.graph.notificationClientState,
      logger,
      onMailChanged: () => pump.notified(),
      onLifecycle: (event, subscriptionId) => void keeper.onLifecycle(event, subscriptionId),
      centre: centre.id,
      first: centre === config.centres[0],
    }),
    bot,
    identify: identifyIn(deps, local),
    ...(local === undefined ? {} : { local }),
    readiness: () =>
      checkReadiness({ sync: store.sync, leaseStates: store.leaseStates, mailbox: graph.mailbox, clock }),
    start() {
      scheduler.start(); // its first round creates or renews the subscription
      pump.inbox.request();
    },
    async syncNow() {
      pump.inbox.request();
      await pump.inbox.idle();
      await pump.letters.idle();
    },
    async close() {
      pump.stop();
      await scheduler.stop();
      await pump.inbox.idle();
      await pump.letters.idle();
      await slots.stop();
    },
  };
}
