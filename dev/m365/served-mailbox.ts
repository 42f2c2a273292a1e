import { Composer } from "./compose.js";
import { DeltaTokens } from "./delta-tokens.js";
import type { Faults } from "./faults.js";
import type { IdIssuer } from "./graph-format.js";
import { MailboxLimits, type MailboxLimitSettings } from "./mailbox-limits.js";
import { MailboxStore } from "./mailbox-store.js";
import { NotificationSender, type DeliveryTiming } from "./notification-sender.js";
import { StatsCounter, type Stats } from "./stats.js";
import { Subscriptions } from "./subscriptions.js";

export interface MailboxIdentity {
  readonly address: string;
  readonly displayName: string;
  readonly userId: string;
}

/** What every served mailbox shares: the stand-in's clock, ids, faults and settings. */
export interface SharedServices {
  readonly ids: IdIssuer;
  readonly now: () => Date;
  readonly faults: Faults;
  /** The whole stand-in's counter, which each mailbox's counts also reach. */
  readonly stats: StatsCounter;
  readonly limits: MailboxLimitSettings;
  readonly timing: DeliveryTiming;
  readonly tenantId: string;
  readonly validationTimeoutMs: number;
  readonly reauthorizationRepeatMs: number;
  readonly deltaFilterCap: number;
  readonly log: (line: string) => void;
  /** The served mailbox at an address, if any: mail sent to it is delivered there, as Exchange delivers internal mail. */
  readonly storeAt: (address: string) => MailboxStore | undefined;
}

/**
 * One mailbox as Exchange serves it to the app: its folders, delta state, subscriptions, drafts and sending, and its
 * own throttling budget (Exchange's limits are per app per mailbox: one mailbox's 429s never touch another's).
 */
export class ServedMailbox {
  readonly address: string;
  readonly displayName: string;
  readonly userId: string;
  readonly store: MailboxStore;
  readonly deltaTokens: DeltaTokens;
  readonly subscriptions: Subscriptions;
  readonly composer: Composer;
  readonly limits: MailboxLimits;
  readonly stats: StatsCounter;
  private readonly sender: NotificationSender;

  constructor(identity: MailboxIdentity, shared: SharedServices) {
    ({ address: this.address, displayName: this.displayName, userId: this.userId } = identity);
    const { ids, now, faults } = shared;
    this.store = new MailboxStore(ids, now, identity.address, identity.displayName);
    this.deltaTokens = new DeltaTokens(this.store, ids, {
      filterCap: shared.deltaFilterCap,
      lagMs: () => faults.get().deltaLagMs,
    });
    this.stats = new StatsCounter(shared.stats);
    this.sender = new NotificationSender(faults, this.stats, shared.timing, shared.log);
    this.subscriptions = new Subscriptions(
      {
        now,
        userId: identity.userId,
        mailboxAddress: identity.address,
        tenantId: shared.tenantId,
        validationTimeoutMs: shared.validationTimeoutMs,
        reauthorizationRepeatMs: shared.reauthorizationRepeatMs,
      },
      this.sender,
    );
    this.composer = new Composer(this.store, ids, now, () => faults.sentItemsDelay(), shared.storeAt);
    this.limits = new MailboxLimits(shared.limits);
    // A message moved into the Inbox is created there, as far as Exchange's notifications and delta are concerned.
    this.store.onCreated((message) => {
      if (message.folder === "inbox") this.subscriptions.notifyCreated(message);
    });
    this.store.onMoved((message) => {
      if (message.folder === "inbox") this.subscriptions.notifyCreated(message);
    });
  }

  /** Whether `user`, a path's `users/{id}` segment, names this mailbox: its address (any case) or its user id. */
  answersTo(user: string): boolean {
    return [this.address, this.userId].some((u) => u.toLowerCase() === user.toLowerCase());
  }

  snapshot(): Stats {
    return this.stats.snapshot(this.store.counts(), this.store.outbound.length);
  }

  /** Waits until every notification in flight has been delivered or given up. */
  notificationsSettled(): Promise<void> {
    return this.sender.idle();
  }

  reset(): void {
    this.store.clear();
    this.stop();
    this.deltaTokens.expireAll();
    this.limits.reset();
    this.stats.reset();
  }

  /** Drops subscriptions and held notifications, so no timer outlives the stand-in. */
  stop(): void {
    this.subscriptions.clear();
    this.sender.clear();
  }
}
