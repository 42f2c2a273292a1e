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
 * At most `maxConcurrent` requests in flight (Graph allows 4 per app per mailbox), counting each part of a `$batch`
 * Graph runs at the same time (up to 4), and a shared pause after a 429/503 so that every request to the mailbox
 * waits out the Retry-After, not only the one that was refused. First come, first served, so a batch is not starved
 * by single requests. The capacity can change while requests wait (instances share the mailbox's 4).
 */
export class RequestGate {
  #inFlight = 0;
  #waiting: Array<{ readonly weight: number; readonly admit: (taken: number) => void }> = [];
  #pausedUntil = 0;
  #capacity: number;

  constructor(
    maxConcurrent: number,
    private readonly clock: Clock,
    private readonly sleeper: Sleeper,
  ) {
    this.#capacity = RequestGate.#checked(maxConcurrent, 1);
  }

  get maxConcurrent(): number {
    return this.#capacity;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** A new capacity (0 stops new requests until it rises); requests in flight carry on. */
  setCapacity(capacity: number): void {
    this.#capacity = RequestGate.#checked(capacity, 0);
    this.#admitWaiting();
  }

  /**
   * Resolves with a release function once `weight` slots (a batch's parts at once, at most the capacity) are free and
   * any pause is over.
   */
  async acquire(weight = 1): Promise<() => void> {
    const taken = await new Promise<number>((admit) => {
      this.#waiting.push({ weight, admit });
      this.#admitWaiting();
    });
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      this.#inFlight -= taken;
      this.#admitWaiting();
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

  #admitWaiting(): void {
    for (let next = this.#waiting[0]; next !== undefined; next = this.#waiting[0]) {
      const taken = Math.max(1, Math.min(next.weight, this.#capacity));
      if (this.#inFlight + taken > this.#capacity) return;
      this.#waiting.shift();
      this.#inFlight += taken;
      next.admit(taken);
    }
  }

  async #waitOutPause(): Promise<void> {
    for (;;) {
      const wait = this.#pausedUntil - this.clock.now().getTime();
      if (wait <= 0) return;
      await this.sleeper.sleep(wait);
    }
  }

  static #checked(capacity: number, least: number): number {
    if (!Number.isInteger(capacity) || capacity < least) {
      throw new RangeError(`maxConcurrent must be a whole number of at least ${least}, not ${capacity}.`);
    }
    return capacity;
  }
}

export interface SendDeps {
  readonly gate: RequestGate;
  /** How many of the gate's slots the request takes (a `$batch`: the parts Graph runs at once). */
  readonly weight?: number;
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
    const release = await gate.acquire(deps.weight);
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
