import type { FolderName } from "./message.js";

export interface NotificationStats {
  /** Change notifications handed to delivery (after drops, counting duplicates). */
  sent: number;
  /** Deliveries the endpoint answered 2xx. */
  delivered: number;
  /** Deliveries that failed after every retry. */
  failed: number;
  dropped: number;
  duplicated: number;
  lifecycleSent: number;
  /** Not sent at all: the subscription was waiting to be reauthorized. */
  withheld: number;
}

/** What benchmarks read, for one mailbox or all: Graph requests by route and status, notifications, mail in each folder. */
export interface Stats {
  readonly requestsTotal: number;
  /** HTTP requests: `"GET /users/{user}/mailFolders/inbox/messages/delta"` → `{ "200": 3, "429": 1 }`. */
  readonly requests: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * The requests inside `$batch` calls, by route and status: not HTTP requests of their own (a `$batch` is one, under
   * `requests`), but Graph's throttling counts each of them, as the stand-in's limits do.
   */
  readonly batchParts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly notifications: Readonly<NotificationStats>;
  readonly folders: Readonly<Record<FolderName, number>>;
  readonly smtpDelivered: number;
  readonly outbound: number;
  /** `/send` calls whose response the faults cut off (the message went all the same). */
  readonly sendResponsesDropped: number;
  /** The most requests (a `$batch`'s parts each, not the `$batch`) in hand at once (in the mailbox, or in all). */
  readonly peakInFlight: number;
}

/**
 * Counts what happens in one mailbox, or in the whole stand-in: a mailbox's counter passes every count on to the
 * whole's, so the whole's totals include requests that concern no mailbox (subscriptions, `$batch`).
 */
export class StatsCounter {
  private requests: Record<string, Record<string, number>> = {};
  private batchParts: Record<string, Record<string, number>> = {};
  private requestsTotal = 0;
  private smtpDelivered = 0;
  private sendResponsesDropped = 0;
  private inFlight = 0;
  private peakInFlight = 0;
  private notifications: NotificationStats = StatsCounter.noNotifications();

  constructor(private readonly whole?: StatsCounter) {}

  started(): void {
    this.inFlight += 1;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    this.whole?.started();
  }

  finished(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.whole?.finished();
  }

  recordRequest(route: string, status: number): void {
    const byStatus = (this.requests[route] ??= {});
    byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
    this.requestsTotal += 1;
    this.whole?.recordRequest(route, status);
  }

  recordBatchPart(route: string, status: number): void {
    const byStatus = (this.batchParts[route] ??= {});
    byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
    this.whole?.recordBatchPart(route, status);
  }

  countNotifications(kind: keyof NotificationStats, count = 1): void {
    this.notifications[kind] += count;
    this.whole?.countNotifications(kind, count);
  }

  countSmtpDelivered(): void {
    this.smtpDelivered += 1;
    this.whole?.countSmtpDelivered();
  }

  countSendResponseDropped(): void {
    this.sendResponsesDropped += 1;
    this.whole?.countSendResponseDropped();
  }

  snapshot(folders: Record<FolderName, number>, outbound: number): Stats {
    return {
      requestsTotal: this.requestsTotal,
      requests: structuredClone(this.requests),
      batchParts: structuredClone(this.batchParts),
      notifications: { ...this.notifications },
      folders,
      smtpDelivered: this.smtpDelivered,
      outbound,
      sendResponsesDropped: this.sendResponsesDropped,
      peakInFlight: this.peakInFlight,
    };
  }

  reset(): void {
    this.requests = {};
    this.batchParts = {};
    this.requestsTotal = 0;
    this.smtpDelivered = 0;
    this.sendResponsesDropped = 0;
    this.peakInFlight = this.inFlight;
    this.notifications = StatsCounter.noNotifications();
  }

  private static noNotifications(): NotificationStats {
    return { sent: 0, delivered: 0, failed: 0, dropped: 0, duplicated: 0, lifecycleSent: 0, withheld: 0 };
  }
}

/** A route key with the variable parts (user, message and subscription ids) replaced by placeholders. */
export function routeKey(method: string, path: string): string {
  const normalised = path
    .replace(/^\/v1\.0/i, "")
    .replace(/\/users\/[^/]+/i, "/users/{user}")
    .replace(/\/messages\/(?!delta\b)[^/]+/i, "/messages/{id}")
    .replace(/\/attachments\/[^/]+/i, "/attachments/{id}")
    .replace(/\/subscriptions\/[^/]+/i, "/subscriptions/{id}");
  return `${method.toUpperCase()} ${normalised}`;
}
