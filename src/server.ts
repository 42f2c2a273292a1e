import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import type { AppDeps } from "./app/app-deps.js";
import { appDepsFromConfig } from "./compose/app-deps-from-config.js";
import { deliverOutbox } from "./app/deliver-outbox.js";
import { createInboxSyncTrigger, type InboxSyncTrigger } from "./app/inbox-sync-trigger.js";
import { syncInbox } from "./app/sync-inbox.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createHttpApp } from "./http/create-http-app.js";
import { graphNotificationRoutes } from "./http/graph-notification-routes.js";
import { createLogger, describeError, type Logger } from "./logging/logger.js";
import { systemClock, type Clock, type MailSubscription } from "./ports.js";
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

const SUBSCRIPTION_KEY = "subscription";
const OUTBOX_INTERVAL_MS = 5_000;
const RENEWAL_INTERVAL_MS = 60 * 60_000;
const RENEW_BEFORE_MINUTES = 12 * 60;

/** Composition root: wires configuration, adapters and use cases, then serves HTTP and runs the background work. */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger((line) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? systemClock;
  const instanceId = options.instanceId ?? randomUUID();
  const { deps, store, graph } = await appDepsFromConfig(config, logger, clock);
  const { profile } = deps;

  const onError = (event: string) => (error: unknown) => logger.error(event, describeError(error));
  const inbox: InboxSyncTrigger = createInboxSyncTrigger(async () => {
    await syncInbox(deps, instanceId);
    await deliverOutbox(deps);
  }, onError("inbox.round.failed"));

  const ensureSubscription = async () => {
    const stored = await store.sync.get(SUBSCRIPTION_KEY);
    const current: MailSubscription | undefined =
      stored?.value.subscriptionId && stored.value.subscriptionExpiresAt
        ? { id: stored.value.subscriptionId, expiresAt: stored.value.subscriptionExpiresAt }
        : undefined;
    const result = await graph.subscriptions.ensureSubscription(
      {
        notificationUrl: `${config.http.publicBaseUrl}/api/graph/notify`,
        lifecycleNotificationUrl: `${config.http.publicBaseUrl}/api/graph/lifecycle`,
        clientState: config.graph.notificationClientState,
        lifetimeMinutes: config.graph.subscriptionLifetimeMinutes,
        renewBeforeMinutes: RENEW_BEFORE_MINUTES,
      },
      current,
      clock.now(),
    );
    if (result.action !== "kept") {
      await store.sync.put(
        SUBSCRIPTION_KEY,
        { subscriptionId: result.id, subscriptionExpiresAt: result.expiresAt },
        stored?.etag,
      );
      logger.info("graph.subscription", { action: result.action });
      inbox.request(); // anything that arrived while there was no subscription
    }
  };
  const forgetSubscriptionAndRecreate = async () => {
    const stored = await store.sync.get(SUBSCRIPTION_KEY);
    if (stored) await store.sync.put(SUBSCRIPTION_KEY, {}, stored.etag);
    await ensureSubscription();
  };

  const app = createHttpApp({
    routers: [
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
  });
  const server = await listen(app, config.http.host, config.http.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.http.port;
  const url = `http://${config.http.host}:${port}`;

  const timers = [
    setInterval(() => inbox.request(), config.graph.deltaSafetyNetMinutes * 60_000),
    setInterval(() => void deliverOutbox(deps).catch(onError("outbox.round.failed")), OUTBOX_INTERVAL_MS),
    setInterval(() => void ensureSubscription().catch(onError("graph.subscription.failed")), RENEWAL_INTERVAL_MS),
  ];
  ensureSubscription().catch(onError("graph.subscription.failed"));
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
    },
    async close() {
      for (const timer of timers) clearInterval(timer);
      await inbox.idle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
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
