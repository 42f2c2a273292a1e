import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { StandInContext } from "./context.js";
import { Faults } from "./faults.js";
import { createGraphApp } from "./graph-app.js";
import { IdIssuer, seededRandom } from "./graph-format.js";
import { GRAPH_MAILBOX_LIMITS, type MailboxLimitSettings } from "./mailbox-limits.js";
import type { MailboxStore } from "./mailbox-store.js";
import { mailboxIdentities, Mailboxes } from "./mailboxes.js";
import { FOLDERS, type FolderName } from "./message.js";
import type { DeliveryTiming } from "./notification-sender.js";
import { ServedMailbox, type SharedServices } from "./served-mailbox.js";
import { startSmtp } from "./smtp.js";
import { StatsCounter, type Stats } from "./stats.js";

export interface StandInOptions {
  /** 2525 by default; 0 picks a free port (tests). */
  readonly smtpPort?: number;
  /** 4000 by default; 0 picks a free port (tests). */
  readonly graphPort?: number;
  readonly host?: string;
  /** The one mailbox served, when `mailboxes` is not given. */
  readonly mailbox?: string;
  readonly mailboxDisplayName?: string;
  /** Several mailboxes, each with its own folders, delta, subscriptions and limits; the first is `StandIn.mailbox`. */
  readonly mailboxes?: readonly { readonly address: string; readonly displayName?: string }[];
  /** The first mailbox's user id; the others' are derived from their addresses. */
  readonly userId?: string;
  readonly tenantId?: string;
  /** Seed for fault decisions, so a run with faults repeats exactly. */
  readonly seed?: number;
  readonly now?: () => Date;
  /** Each mailbox's own limits (Exchange's are per app per mailbox). */
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
  /** The first mailbox's user id. */
  readonly userId: string;
  readonly tenantId: string;
  /** The first mailbox. */
  readonly mailbox: MailboxStore;
  readonly faults: Faults;
  /** A served mailbox by its address (any case); throws for one not served. */
  mailboxFor(address: string): MailboxStore;
  /** A served mailbox's user id, by its address. */
  userIdFor(address: string): string;
  /** The served mailboxes' addresses, the first first. */
  addresses(): string[];
  /** Everything, all mailboxes together. */
  stats(): Stats;
  /** One mailbox's requests, notifications and mail, e.g. Graph requests per mailbox against its limit. */
  statsFor(address: string): Stats;
  /**
   * Delivers raw MIME into a mailbox's Inbox (or Junk Email) as SMTP would (the first mailbox's unless `address`
   * names another); resolves to the new immutable message id.
   */
  deliver(rawMime: string | Buffer, folder?: "inbox" | "junkemail", address?: string): Promise<string>;
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

/** Starts the local Microsoft 365 stand-in: SMTP into its mailboxes, and a Graph v1.0 subset over them. */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const settings = { ...STAND_IN_DEFAULTS, ...withoutUndefined(options) };
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  const stats = new StatsCounter();
  const faults: Faults = new Faults(seededRandom(options.seed ?? 1), {
    expireDeltaTokens: () => mailboxes.all.forEach((m) => m.deltaTokens.expireAll()),
    removeSubscription: (id): Promise<void> => mailboxes.holdingSubscription(id).subscriptions.remove(id),
    sendLifecycle: (id, event): Promise<void> => mailboxes.holdingSubscription(id).subscriptions.lifecycle(id, event),
    servesMailbox: (address) => mailboxes.byAddress(address) !== undefined,
  });
  const shared: SharedServices = {
    ids: new IdIssuer(),
    now,
    faults,
    stats,
    limits: options.mailboxLimits ?? GRAPH_MAILBOX_LIMITS,
    timing: { ...DEFAULT_TIMING, ...options.notificationTiming },
    tenantId: settings.tenantId,
    validationTimeoutMs: options.validationTimeoutMs ?? 10_000,
    reauthorizationRepeatMs: options.reauthorizationRepeatMs ?? 60_000,
    deltaFilterCap: options.deltaFilterCap ?? 5000,
    log,
    storeAt: (address) => mailboxes.byAddress(address)?.store,
  };
  const [first, ...others] = mailboxIdentities(servedMailboxes(options), settings.userId);
  const mailboxes: Mailboxes = new Mailboxes([
    new ServedMailbox(first, shared),
    ...others.map((identity) => new ServedMailbox(identity, shared)),
  ]);
  const served = (address: string): ServedMailbox => {
    const mailbox = mailboxes.byAddress(address);
    if (!mailbox) throw new Error(`The stand-in serves no mailbox '${address}'.`);
    return mailbox;
  };

  let origin = "";
  const context: StandInContext = { mailboxes, faults, stats, now, origin: () => origin, log };
  const snapshot = (): Stats => {
    const folders = Object.fromEntries(
      FOLDERS.map((f) => [f, mailboxes.all.reduce((sum, m) => sum + m.store.list(f).length, 0)]),
    ) as Record<FolderName, number>;
    return stats.snapshot(
      folders,
      mailboxes.all.reduce((sum, m) => sum + m.store.outbound.length, 0),
    );
  };
  const reset = (): void => {
    for (const mailbox of mailboxes.all) mailbox.reset();
    faults.reset();
    stats.reset();
    log("stand-in reset");
  };
  const app = createGraphApp(context, { reset, stats: snapshot });
  const http = await listen(app, settings.graphPort, settings.host);
  const graphPort = (http.address() as AddressInfo).port;
  origin = `http://${settings.host}:${graphPort}`;
  const smtp = await startSmtp({
    host: settings.host,
    port: settings.smtpPort,
    deliver: (raw, recipients) =>
      Promise.all(
        mailboxes.forRecipients(recipients).map(async (mailbox) => {
          const message = await mailbox.store.deliver(raw);
          mailbox.stats.countSmtpDelivered();
          return message;
        }),
      ),
    log,
  });

  return {
    graphBaseUrl: `${origin}/v1.0`,
    pageUrl: `${origin}/`,
    smtpPort: smtp.port,
    graphPort,
    userId: mailboxes.first.userId,
    tenantId: settings.tenantId,
    mailbox: mailboxes.first.store,
    faults,
    mailboxFor: (address) => served(address).store,
    userIdFor: (address) => served(address).userId,
    addresses: () => mailboxes.all.map((m) => m.address),
    stats: snapshot,
    statsFor: (address) => served(address).snapshot(),
    deliver: async (raw, folder, address) => {
      const store = address === undefined ? mailboxes.first.store : served(address).store;
      return (await store.deliver(typeof raw === "string" ? Buffer.from(raw) : raw, folder)).id;
    },
    notificationsSettled: async () => {
      await Promise.all(mailboxes.all.map((m) => m.notificationsSettled()));
    },
    subscriptionIds: () => mailboxes.subscriptions().map((s) => s.id),
    pausedSubscriptions: () =>
      mailboxes.all.reduce(
        (sum, m) => sum + m.subscriptions.list().filter((s) => m.subscriptions.isPaused(s.id)).length,
        0,
      ),
    close: async () => {
      for (const mailbox of mailboxes.all) mailbox.stop();
      await smtp.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** `mailboxes`, or the one `mailbox` shorthand (the default mailbox when neither is given). */
function servedMailboxes(options: StandInOptions): { address: string; displayName: string }[] {
  if (options.mailboxes && (options.mailbox !== undefined || options.mailboxDisplayName !== undefined))
    throw new Error("Give the stand-in mailbox or mailboxes, not both.");
  const listed = options.mailboxes ?? [
    { address: options.mailbox ?? STAND_IN_DEFAULTS.mailbox, displayName: options.mailboxDisplayName },
  ];
  return listed.map((m) => ({
    address: m.address,
    displayName: m.displayName ?? STAND_IN_DEFAULTS.mailboxDisplayName,
  }));
}

function listen(app: ReturnType<typeof createGraphApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
