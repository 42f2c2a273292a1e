import { GraphError } from "./errors.js";

/** Exchange's per-app, per-mailbox limits as Graph documents them. */
export interface MailboxLimitSettings {
  readonly requestsPerWindow: number;
  readonly windowMs: number;
  readonly concurrent: number;
}

export const GRAPH_MAILBOX_LIMITS: MailboxLimitSettings = {
  requestsPerWindow: 10_000,
  windowMs: 10 * 60 * 1000,
  concurrent: 4,
};

/** A sliding window of requests and a count of those in flight, answering 429 as Graph does when exceeded. */
export class MailboxLimits {
  private admitted: number[] = [];
  private inFlight = 0;

  constructor(private readonly limits: MailboxLimitSettings) {}

  /** Admits a request (the caller must `release` it) or returns the 429 to answer. */
  admit(nowMs: number): GraphError | undefined {
    this.admitted = this.admitted.filter((t) => t > nowMs - this.limits.windowMs);
    if (this.inFlight >= this.limits.concurrent) {
      return new GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", {
        "Retry-After": "1",
      });
    }
    const oldest = this.admitted[0];
    if (this.admitted.length >= this.limits.requestsPerWindow && oldest !== undefined) {
      const retryAfter = Math.max(1, Math.ceil((oldest + this.limits.windowMs - nowMs) / 1000));
      return new GraphError(429, "ApplicationThrottled", "Application is over its MailboxRequests limit.", {
        "Retry-After": String(retryAfter),
      });
    }
    this.admitted.push(nowMs);
    this.inFlight += 1;
    return undefined;
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  reset(): void {
    this.admitted = [];
    this.inFlight = 0;
  }
}
