import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AppDeps } from "../app/app-deps.js";
import { ConfigError, type Config } from "./config.js";
import { notificationRoutes } from "../graph/notification-routes.js";
import { startGraphSlots } from "../jobs/graph-slots.js";
import { createInboxPump } from "../jobs/inbox-pump.js";
import { checkMailboxAtStart } from "../jobs/mail-jobs.js";
import { MailboxNotReadableError } from "../ports/mailbox.js";
import { createScheduler } from "../jobs/scheduler.js";
import { DEFAULT_JOB_SETTINGS, standardJobs } from "../jobs/standard-jobs.js";
import { subscriptionKeeper } from "../jobs/subscription-keeper.js";
import { createLogger, type Logger } from "../logging/logger.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../store/store.js";
import { apiFromConfig } from "./api-from-config.js";
import { appDepsFromConfig } from "./app-deps-from-config.js";
import { subscriptionSettings } from "./graph-from-config.js";
import { botFromConfig } from "./bot-from-config.js";
import { healthRoutesFromParts } from "./health-routes-from-parts.js";
import { createHttpApp } from "./http-app.js";
import { startDemoSeeding, type DemoSeeding } from "./local-mode/demo-history.js";
import { startLocalMode } from "./local-mode/local-mode.js";
import { systemClock } from "./system-clock.js";
import { startTelemetry } from "./telemetry-from-config.js";

export interface ServiceOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Identifies this instance in job leases. */
  readonly instanceId?: string;
}

export interface RunningService {
  readonly url: string;
  readonly deps: AppDeps;
  readonly store: Store;
  /** Runs an inbox round now and waits for it (and the letters and the projection of changed cases after it). */
  readonly syncNow: () => Promise<void>;
  /** Local mode with FC_DEMO=on: the demo centre's seeding, running in the background after start. */
  readonly demo?: DemoSeeding;
  close(): Promise<void>;
}

/** The composition root: configuration → adapters → use cases → the API, the bot and the jobs, served over HTTP. */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger((line) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? systemClock;
  const instanceId = options.instanceId ?? config.instanceId ?? randomUUID();
  const { deps, store, graph } = await appDepsFromConfig(config, logger, clock);
  const telemetry = startTelemetry(config, deps.outbox, clock);
  await checkMailboxAtStart(deps).catch((error: unknown) => {
    throw error instanceof MailboxNotReadableError ? new ConfigError([error.message]) : error;
  });
  const local = config.mode === "local" ? await startLocalMode(config, deps, logger) : undefined;

  // Graph's 4 concurrent requests per mailbox, shared with the other instances before anything is sent.
  const slots = await startGraphSlots({
    leases: deps.leases,
    clock,
    logger,
    mailbox: config.mailbox.address,
    holderId: instanceId,
    setCapacity: (requests) => graph.client.setMaxConcurrent(requests),
  });
  const pump = createInboxPump(deps, instanceId);
  const keeper = subscriptionKeeper(deps, graph.subscriptions, subscriptionSettings(config), clock, pump.inbox);
  const bot = botFromConfig(config, deps, local);
  const scheduler = createScheduler({
    jobs: standardJobs(deps, {
      ...DEFAULT_JOB_SETTINGS,
      holderId: instanceId,
      agendaAt: config.practice.agendaAt,
      deltaSafetyNetMinutes: config.graph.deltaSafetyNetMinutes,
      teams: { notifier: bot.notifier, renderCard: bot.renderCard },
      mail: { keeper },
      sweepJunkMail: config.mailbox.junkMail === "sweep",
      repair: { at: config.practice.repairAt },
    }),
    leases: deps.leases,
    clock,
    logger,
    holderId: instanceId,
  });
  const http = createHttpApp({
    routers: [
      healthRoutesFromParts(store, graph, clock),
      apiFromConfig(config, deps, logger, local),
      notificationRoutes({
        clientState: config.graph.notificationClientState,
        logger,
        onMailChanged: () => pump.notified(),
        onLifecycle: (event, subscriptionId) => void keeper.onLifecycle(event, subscriptionId),
      }),
    ],
    botHandler: (req, res) => bot.handle(req, res),
    production: config.mode === "production",
    rateLimits: config.http.rateLimits,
  });
  const server = await listen(http, config.http.host, config.http.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.http.port;

  scheduler.start(); // its first round creates or renews the subscription
  pump.inbox.request();
  const demo = config.demo && local !== undefined ? startDemoSeeding(deps) : undefined;
  logger.info("service.started", { mode: config.mode, port, profile: deps.profile.id });
  return {
    url: `http://${config.http.host}:${port}`,
    deps,
    store,
    ...(demo === undefined ? {} : { demo }),
    syncNow: async () => {
      pump.inbox.request();
      await pump.inbox.idle();
      await pump.letters.idle();
      await pump.projections.idle();
    },
    async close() {
      await demo?.stop();
      pump.stop();
      await scheduler.stop();
      await pump.inbox.idle();
      await pump.letters.idle();
      await pump.projections.idle();
      await slots.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await telemetry.close();
    },
  };
}

function listen(app: ReturnType<typeof createHttpApp>, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
