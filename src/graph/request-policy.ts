import type { Clock } from "../ports/clock.js";

/** Waits; tests pass a fake that advances a fake clock instead of really sleeping. */
export interface Sleeper {
  sleep(ms: number): Promise<void>;
}

export const realSleeper: Sleeper = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Counters the benchmarks and the admin page read. Mutated in place by the client that owns it. */
export interface GraphMetrics {
  /** Every HTTP request sent to Graph, retries included (Graph counts them all against the mailbox's budget). */
  requests: number;
  /** Answers of 429 or 503. */
  throttled: number;
  /** Requests sent again after a 429 or 503. */
  retries: number;
  /** Requests carried inside `$batch` calls (each counts against the mailbox's budget too). */
  batchedRequests: number;
}

export const newGraphMetrics = (): GraphMetrics => ({ requests: 0, throttled: 0, retries: 0, batchedRequests: 0 });

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  readonly maxAttempts: number;
  /** Wait before the first retry when Graph sends no Retry-After; doubles each retry. */
  readonly defaultBackoffSeconds: number;
  /** A longer Retry-After than this is not waited out here: the request fails and the job runs again later. */
  readonly maxWaitSeconds: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, defaultBackoffSeconds: 2, maxWaitSeconds: 120 };

/**
 * Seconds to wait from a Retry-After header: either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * `undefined` when absent or unreadable, so the caller falls back to its own backoff.
 */
export const parseRetryAfter = (value: string | null | undefined, now: Date): number | undefined => {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
};

export const isThrottling = (status: number): boolean => status === 429 || status === 503;

/**
 * At most `maxConcurrent` requests in flight (Graph allows 4 per app per mailbox), and a shared pause after a
 * 429/503 so that every request to the mailbox waits out the Retry-After, not only the one that was refused.
 */
export class RequestGate {
  #inFlight = 0;
  #waiting: Array<() => void> = [];
  #pausedUntil = 0;

  constructor(
    readonly maxConcurrent: number,
    private readonly clock: Clock,
    private readonly sleeper: Sleeper,
  ) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new RangeError(`maxConcurrent must be a whole number of at least 1, not ${maxConcurrent}.`);
    }
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Resolves with a release function once a slot is free and any pause is over. */
  async acquire(): Promise<() => void> {
    if (this.#inFlight < this.maxConcurrent) this.#inFlight++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve)); // the releaser hands its slot over
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#inFlight--;
    };
    try {
      await this.#waitOutPause();
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  pauseUntil(epochMs: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, epochMs);
  }

  async #waitOutPause(): Promise<void> {
    for (;;) {
      const wait = this.#pausedUntil - this.clock.now().getTime();
      if (wait <= 0) return;
      await this.sleeper.sleep(wait);
    }
  }
}

export interface SendDeps {
  readonly gate: RequestGate;
  readonly clock: Clock;
  readonly policy: RetryPolicy;
  readonly metrics: GraphMetrics;
}

/**
 * Sends through the gate and retries 429/503, honouring Retry-After. Returns the last response, which is still a
 * 429/503 when the attempts ran out or Graph asked for a longer wait than we hold a job for: the caller turns that
 * into a `GraphThrottledError`.
 */
export const sendWithRetry = async (send: () => Promise<Response>, deps: SendDeps): Promise<Response> => {
  const { gate, clock, policy, metrics } = deps;
  for (let attempt = 1; ; attempt++) {
    const release = await gate.acquire();
    let response: Response;
    try {
      metrics.requests++;
      response = await send();
    } finally {
      release();
    }
    if (!isThrottling(response.status)) return response;
    metrics.throttled++;
    const waitSeconds = retryWaitSeconds(response, attempt, clock.now(), policy);
    if (attempt >= policy.maxAttempts || waitSeconds > policy.maxWaitSeconds) return response;
    await response.body?.cancel(); // free the connection; the body is Graph's throttling notice
    gate.pauseUntil(clock.now().getTime() + waitSeconds * 1000);
    metrics.retries++;
  }
};

export const retryWaitSeconds = (response: Response, attempt: number, now: Date, policy: RetryPolicy): number =>
  parseRetryAfter(response.headers.get("retry-after"), now) ?? policy.defaultBackoffSeconds * 2 ** (attempt - 1);
