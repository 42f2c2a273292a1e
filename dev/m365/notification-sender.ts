import type { Faults } from "./faults.js";
import type { StatsCounter } from "./stats.js";

export interface DeliveryTiming {
  /** Graph drops a notification the endpoint does not answer within 3 s. */
  readonly timeoutMs: number;
  /** Waits between attempts after a non-2xx answer or a timeout (Graph backs off over hours; here, briefly). */
  readonly retryDelaysMs: readonly number[];
  /** How long reordering holds a batch before shuffling it out. */
  readonly reorderHoldMs: number;
}

interface Pending {
  readonly url: string;
  readonly payload: object;
}

/**
 * Posts notifications to subscribers' endpoints as Graph does: at least once, retried with backoff when the endpoint
 * fails, and, when faults say so, dropped, duplicated or reordered.
 */
export class NotificationSender {
  private held: Pending[] = [];
  private holdTimer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly faults: Faults,
    private readonly stats: StatsCounter,
    private readonly timing: DeliveryTiming,
    private readonly log: (line: string) => void,
  ) {}

  /** A change notification, subject to the drop / duplicate / reorder faults. */
  sendChange(url: string, payload: object): void {
    if (this.faults.dropsNotification()) {
      this.stats.countNotifications("dropped");
      return;
    }
    const copies = this.faults.copiesOfNotification();
    this.stats.countNotifications("duplicated", copies - 1);
    for (let i = 0; i < copies; i += 1) {
      if (this.faults.get().reorderNotifications) this.hold({ url, payload });
      else this.track(this.deliver({ url, payload }));
    }
  }

  /** A change notification Graph did not send: its subscription waits to be reauthorized. */
  withheld(): void {
    this.stats.countNotifications("withheld");
  }

  /** A lifecycle notification: never subject to faults, because it is itself the fault being simulated. */
  sendLifecycle(url: string, payload: object): Promise<void> {
    this.stats.countNotifications("lifecycleSent");
    const delivery = this.deliver({ url, payload });
    this.track(delivery);
    return delivery;
  }

  /** Resolves when everything held or in flight has been delivered or given up. */
  async idle(): Promise<void> {
    this.flush();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  clear(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    this.held = [];
  }

  private hold(pending: Pending): void {
    this.held.push(pending);
    this.holdTimer ??= setTimeout(() => this.flush(), this.timing.reorderHoldMs);
  }

  private flush(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    const batch = this.held;
    this.held = [];
    for (let i = batch.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.faults.random() * (i + 1));
      [batch[i], batch[j]] = [batch[j] as Pending, batch[i] as Pending];
    }
    for (const pending of batch) this.track(this.deliver(pending));
  }

  private track(delivery: Promise<void>): void {
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  private async deliver({ url, payload }: Pending): Promise<void> {
    this.stats.countNotifications("sent");
    const attempts = [0, ...this.timing.retryDelaysMs];
    for (const [attempt, delay] of attempts.entries()) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const status = await post(url, payload, this.timing.timeoutMs);
      if (status >= 200 && status < 300) {
        this.stats.countNotifications("delivered");
        return;
      }
      this.log(`notification attempt ${attempt + 1} failed with ${status === 0 ? "no answer" : status}`);
    }
    this.stats.countNotifications("failed");
  }
}

/** Posts JSON and returns the status, or 0 when the endpoint did not answer in time. */
async function post(url: string, payload: object, timeoutMs: number): Promise<number> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}
