import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Composer } from "./compose.js";
import type { StandInContext } from "./context.js";
import { DeltaTokens } from "./delta-tokens.js";
import { Faults } from "./faults.js";
import { createGraphApp } from "./graph-app.js";
import { IdIssuer, seededRandom } from "./graph-format.js";
import { GRAPH_MAILBOX_LIMITS, MailboxLimits, type MailboxLimitSettings } from "./mailbox-limits.js";
import { MailboxStore } from "./mailbox-store.js";
import { NotificationSender, type DeliveryTiming } from "./notification-sender.js";
import { startSmtp } from "./smtp.js";
import { StatsCounter, type Stats } from "./stats.js";
import { Subscriptions } from "./subscriptions.js";

export interface StandInOptions {
  /** 2525 by default; 0 picks a free port (tests). */
  readonly smtpPort?: number;
  /** 4000 by default; 0 picks a free port (tests). */
  readonly graphPort?: number;
  readonly host?: string;
  readonly mailbox?: string;
  readonly mailboxDisplayName?: string;
  readonly userId?: string;
  readonly tenantId?: string;
  /** Seed for fault decisions, so a run with faults repeats exactly. */
  readonly seed?: number;
  readonly now?: () => Date;
  readonly mailboxLimits?: MailboxLimitSettings;
  readonly notificationTiming?: Partial<DeliveryTiming>;
  readonly validationTimeoutMs?: number;
  /** How often an unanswered reauthorizationRequired challenge is sent again (Graph: 15 minutes; 60 s here). */
  readonly reauthorizationRepeatMs?: number;
  /** How many messages a `receivedDateTime`-filtered delta round returns at most (Graph: 5,000). */
  readonly deltaFilterCap?: number;
  /** Receives ids and counts only, never addresses, subjects or bodies. */
  readonly log?: (line: string) => void;
}

export interface StandIn {
  /** `http://127.0.0.1:4000/v1.0` by default. */
  readonly graphBaseUrl: string;
  readonly pageUrl: string;
  readonly smtpPort: number;
  readonly graphPort: number;
  readonly userId: string;
  readonly tenantId: string;
  readonly mailbox: MailboxStore;
  readonly faults: Faults;
  stats(): Stats;
  /** Delivers raw MIME into the Inbox (or Junk Email) as SMTP would; resolves to the new immutable message id. */
  deliver(rawMime: string | Buffer, folder?: "inbox" | "junkemail"): Promise<string>;
  /** Waits until every notification in flight has been delivered or given up. */
  notificationsSettled(): Promise<void>;
  /** The live subscriptions' ids, e.g. for `faults.removeSubscription(id)` (Graph's `subscriptionRemoved`). */
  subscriptionIds(): string[];
  /** The live subscriptions still waiting to be reauthorized (their notifications withheld). */
  pausedSubscriptions(): number;
  close(): Promise<void>;
}

export const STAND_IN_DEFAULTS = {
  smtpPort: 2525,
  graphPort: 4000,
  host: "127.0.0.1",
  mailbox: "familycentre@council.example",
  mailboxDisplayName: "Family Centre",
  userId: "5f8d3c1e-2b4a-4e6f-9a7b-1c2d3e4f5a6b",
  tenantId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
} as const;

const DEFAULT_TIMING: DeliveryTiming = { timeoutMs: 3000, retryDelaysMs: [500, 2000, 5000], reorderHoldMs: 300 };

/** Starts the local Microsoft 365 stand-in: SMTP into the group mailbox, and a Graph v1.0 subset over it. */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const settings = { ...STAND_IN_DEFAULTS, ...withoutUndefined(options) };
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  const ids = new IdIssuer();
  const stats = new StatsCounter();
  const store = new MailboxStore(ids, now, settings.mailbox, settings.mailboxDisplayName);
  const deltaTokens: DeltaTokens = new DeltaTokens(store, ids, {
    filterCap: options.deltaFilterCap ?? 5000,
    lagMs: () => faults.get().deltaLagMs,
  });
  const faults: Faults = new Faults(seededRandom(options.seed ?? 1), {
    expireDeltaTokens: () => deltaTokens.expireAll(),
    removeSubscription: (id): Promise<void> => subscriptions.remove(id),
    sendLifecycle: (id, event): Promise<void> => subscriptions.lifecycle(id, event),
  });
  const sender: NotificationSender = new NotificationSender(
    faults,
    stats,
    { ...DEFAULT_TIMING, ...options.notificationTiming },
    log,
  );
  const subscriptions: Subscriptions = new Subscriptions(
    {
      now,
      userId: settings.userId,
      mailboxAddress: settings.mailbox,
      tenantId: settings.tenantId,
      validationTimeoutMs: options.validationTimeoutMs ?? 10_000,
      reauthorizationRepeatMs: options.reauthorizationRepeatMs ?? 60_000,
    },
    sender,
  );
  // A message moved into the Inbox is created there, as far as Exchange's notifications and delta are concerned.
  store.onCreated((message) => {
    if (message.folder === "inbox") subscriptions.notifyCreated(message);
  });
  store.onMoved((message) => {
    if (message.folder === "inbox") subscriptions.notifyCreated(message);
  });

  let origin = "";
  const context: StandInContext = {
    store,
    composer: new Composer(store, ids, now, () => faults.sentItemsDelay()),
    deltaTokens,
    subscriptions,
    faults,
    limits: new MailboxLimits(options.mailboxLimits ?? GRAPH_MAILBOX_LIMITS),
    stats,
    now,
    userId: settings.userId,
    origin: () => origin,
    log,
  };
  const snapshot = (): Stats => stats.snapshot(store.counts(), store.outbound.length);
  const reset = (): void => {
    store.clear();
    subscriptions.clear();
    sender.clear();
    deltaTokens.expireAll();
    faults.reset();
    context.limits.reset();
    stats.reset();
    log("stand-in reset");
  };
  const app = createGraphApp(context, { reset, stats: snapshot });
  const http = await listen(app, settings.graphPort, settings.host);
  const graphPort = (http.address() as AddressInfo).port;
  origin = `http://${settings.host}:${graphPort}`;
  const smtp = await startSmtp(store, {
    host: settings.host,
    port: settings.smtpPort,
    onDelivered: () => (stats.smtpDelivered += 1),
    log,
  });

  return {
    graphBaseUrl: `${origin}/v1.0`,
    pageUrl: `${origin}/`,
    smtpPort: smtp.port,
    graphPort,
    userId: settings.userId,
    tenantId: settings.tenantId,
    mailbox: store,
    faults,
    stats: snapshot,
    deliver: async (raw, folder) => (await store.deliver(typeof raw === "string" ? Buffer.from(raw) : raw, folder)).id,
    notificationsSettled: () => sender.idle(),
    subscriptionIds: () => subscriptions.list().map((s) => s.id),
    pausedSubscriptions: () => subscriptions.list().filter((s) => subscriptions.isPaused(s.id)).length,
    close: async () => {
      subscriptions.clear();
      sender.clear();
      await smtp.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function listen(app: ReturnType<typeof createGraphApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
