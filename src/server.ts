import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import { createBot } from "../bot/bot-adapter.js";
import type { BotDeps } from "../bot/bot-deps.js";
import { createOutboxRenderer } from "../bot/proactive/render-outbox-item.js";
import type { AppDeps } from "./app/app-deps.js";
import { appDepsFromConfig } from "./compose/app-deps-from-config.js";
import { healthRoutesFromParts } from "./compose/health-routes-from-parts.js";
import { startTelemetry } from "./compose/telemetry-from-config.js";
import { createInboxSyncTrigger, type InboxSyncTrigger } from "./app/inbox-sync-trigger.js";
import { syncInbox } from "./app/sync-inbox.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { apiFromConfig } from "./api/api-from-config.js";
import { createHttpApp } from "./http/create-http-app.js";
import { graphNotificationRoutes } from "./http/graph-notification-routes.js";
import { SUBSCRIPTION_KEY } from "./app/mail-keys.js";
import { drainEmailOutbox, renewSubscription } from "./jobs/mail-jobs.js";
import { createScheduler } from "./jobs/scheduler.js";
import { DEFAULT_JOB_SETTINGS, standardJobs } from "./jobs/standard-jobs.js";
import { createLogger, describeError, type Logger } from "./logging/logger.js";
import { isMailboxBusy } from "./ports/mailbox.js";
import { systemClock } from "./compose/system-clock.js";
import { type Clock } from "./ports/clock.js";
import type { Store } from "./store/store.js";

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
  /** Runs an inbox round now and waits for it (and the outbox after it). */
  readonly syncNow: () => Promise<void>;
  close(): Promise<void>;
}

const RENEW_BEFORE_MINUTES = 12 * 60;
/** How often the outbox is drained while an inbox round runs. */
const OUTBOX_TICK_MS = 500;

/** Composition root: wires configuration, adapters and use cases, then serves HTTP and runs the background work. */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger((line) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? systemClock;
  const instanceId = options.instanceId ?? config.instanceId ?? randomUUID();
  const { deps, store, graph } = await appDepsFromConfig(config, logger, clock);
  const telemetry = startTelemetry(config, deps.outbox, clock);
  const { profile } = deps;

  const onError = (event: string) => (error: unknown) => logger.error(event, describeError(error));
  // Exchange asked us to wait: the round runs again when it says, not at the next notification (which may not come).
  const retryWhenThrottled = (event: string, again: () => void) => (error: unknown) => {
    onError(event)(error);
    if (isMailboxBusy(error)) setTimeout(again, error.retryAfterSeconds * 1000).unref();
  };
  // Letters go out while the inbox round still reads, several at once (the outbox claim keeps each to one sender).
  const letters = createInboxSyncTrigger(async () => {
    await drainEmailOutbox(deps);
  }, onError("outbox.round.failed"));
  const inbox: InboxSyncTrigger = createInboxSyncTrigger(
    async () => {
      const ticker = setInterval(() => letters.request(), OUTBOX_TICK_MS);
      try {
        // Its own lease holder, so that this round and the scheduler's safety-net round exclude each other too.
        await syncInbox(deps, `${instanceId}~notified`);
      } finally {
        clearInterval(ticker);
        letters.request();
      }
    },
    retryWhenThrottled("inbox.round.failed", () => inbox.request()),
  );

  const subscription = {
    notificationUrl: `${config.http.publicBaseUrl}/api/graph/notify`,
    lifecycleNotificationUrl: `${config.http.publicBaseUrl}/api/graph/lifecycle`,
    clientState: config.graph.notificationClientState,
    lifetimeMinutes: config.graph.subscriptionLifetimeMinutes,
    renewBeforeMinutes: RENEW_BEFORE_MINUTES,
  };
  const jobDeps = { ...deps, staff: store.staff };
  const ensureSubscription = async () => {
    const action = await renewSubscription(jobDeps, graph.subscriptions, subscription, clock.now());
    if (action !== "kept") inbox.request(); // anything that arrived while there was no subscription
  };
  const forgetSubscriptionAndRecreate = async () => {
    const stored = await store.sync.get(SUBSCRIPTION_KEY);
    if (stored) await store.sync.put(SUBSCRIPTION_KEY, {}, stored.etag);
    await ensureSubscription();
  };
  const botDeps: BotDeps = {
    app: deps,
    conversations: store.conversations,
    staff: store.staff,
    settings: store.settings,
    auth: config.bot ? { mode: "production", tenantId: config.graph.tenantId ?? "", ...config.bot } : { mode: "local" },
    everyoneHasEveryRole: config.mode === "local",
    tabUrl: `${config.http.publicBaseUrl}/tab/`,
  };
  const bot = createBot(botDeps);
  // Every job: agendas, nudges and triage cards go out through the Teams drain, letters through the mail one.
  const scheduler = createScheduler({
    jobs: standardJobs(jobDeps, {
      ...DEFAULT_JOB_SETTINGS,
      holderId: instanceId,
      agendaAt: config.practice.agendaAt,
      deltaSafetyNetMinutes: config.graph.deltaSafetyNetMinutes,
      teams: { notifier: bot.notifier, renderCard: createOutboxRenderer(botDeps) },
      mail: { subscriptions: graph.subscriptions, subscription },
      repair: { at: config.practice.repairAt, store },
    }),
    leases: store.leases,
    clock,
    logger,
    holderId: instanceId,
  });

  const api = await apiFromConfig(config, deps, store, logger);
  const app = createHttpApp({
    routers: [
      healthRoutesFromParts(store, graph, clock),
      api,
      graphNotificationRoutes({
        clientState: config.graph.notificationClientState,
        logger,
        onMailChanged: () => inbox.request(),
        onLifecycle: (event) => {
          if (event === "subscriptionRemoved")
            forgetSubscriptionAndRecreate().catch(onError("graph.subscription.failed"));
          else if (event === "reauthorizationRequired")
            ensureSubscription().catch(onError("graph.subscription.failed"));
          inbox.request();
        },
      }),
    ],
    botHandler: (req, res) => bot.handle(req, res),
  });
  const server = await listen(app, config.http.host, config.http.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.http.port;
  const url = `http://${config.http.host}:${port}`;

  scheduler.start(); // its first round creates or renews the subscription
  inbox.request();
  logger.info("service.started", { mode: config.mode, port, profile: profile.id });
  if (config.mode === "local") {
    logger.warn("service.local-mode", { note: "local mode: development token for Graph, Azurite development account" });
  }

  return {
    url,
    deps,
    store,
    syncNow: async () => {
      inbox.request();
      await inbox.idle();
      await letters.idle();
    },
    async close() {
      await scheduler.stop();
      await inbox.idle();
      await letters.idle();
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

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const service = await startService(config);
  const stop = () => void service.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    process.stderr.write(`The service stopped: ${error instanceof Error ? error.name : "error"}\n`);
    process.exit(1);
  });
}
