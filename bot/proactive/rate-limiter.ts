import type { Pacing } from "../bot-deps.js";

export interface RateWindow {
  readonly count: number;
  readonly windowMs: number;
}

/** Teams' limits per bot per conversation (7 per second, 8 per 2 s, 60 per 30 s). */
export const TEAMS_CONVERSATION_LIMITS: readonly RateWindow[] = [
  { count: 7, windowMs: 1_000 },
  { count: 8, windowMs: 2_000 },
  { count: 60, windowMs: 30_000 },
];

const MAX_ATTEMPTS = 5;
const FIRST_BACKOFF_MS = 1_000;
/** What Teams asks bots to retry with back-off: 412, 429 (with its Retry-After), 502 and 504. */
const RETRIED = new Set([412, 429, 502, 504]);

/** What a failed send tells us: its HTTP status, Teams' error code, and on 429 how long Teams asked us to wait. */
export interface SendFailure {
  readonly status?: number;
  readonly code?: string;
  readonly retryAfterMs?: number;
}

/** Whether the failure is worth retrying at once, after a back-off. */
export const isRetried = (failure: SendFailure): boolean => failure.status !== undefined && RETRIED.has(failure.status);

/**
 * Sends one conversation's messages one at a time, inside Teams' windows, and backs off when Teams answers 412, 429,
 * 502 or 504 anyway (another instance may be sending to the same chat): exponentially, with jitter, or as long as a
 * Retry-After asks. Anything else is the caller's to judge. Conversations do not wait for each other.
 */
export class ConversationRateLimiter {
  private readonly sentAt = new Map<string, number[]>();
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly pacing: Pacing,
    private readonly describe: (error: unknown) => SendFailure,
    private readonly limits: readonly RateWindow[] = TEAMS_CONVERSATION_LIMITS,
  ) {}

  run<T>(conversation: string, send: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversation) ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(() => this.sendPaced(conversation, send));
    const tail = result.catch(() => undefined);
    this.tails.set(conversation, tail);
    void tail.then(() => {
      if (this.tails.get(conversation) === tail) this.tails.delete(conversation);
    });
    return result;
  }

  private async sendPaced<T>(conversation: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.waitForSlot(conversation);
      this.record(conversation);
      try {
        return await send();
      } catch (error) {
        const failure = this.describe(error);
        if (!isRetried(failure) || attempt >= MAX_ATTEMPTS) throw error;
        await this.pacing.sleep(failure.retryAfterMs ?? this.backOff(attempt));
      }
    }
  }

  /** 1 s, 2 s, 4 s…, each a random half to whole of its step, so senders that failed together do not retry together. */
  private backOff(attempt: number): number {
    return Math.round(FIRST_BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + this.pacing.random() / 2));
  }

  private async waitForSlot(conversation: string): Promise<void> {
    for (;;) {
      const wait = this.waitNeeded(conversation, this.pacing.now());
      if (wait <= 0) return;
      await this.pacing.sleep(wait);
    }
  }

  private waitNeeded(conversation: string, now: number): number {
    const longest = Math.max(...this.limits.map((l) => l.windowMs));
    const recent = (this.sentAt.get(conversation) ?? []).filter((t) => t > now - longest);
    this.sentAt.set(conversation, recent);
    return Math.max(
      0,
      ...this.limits.map((limit) => {
        const inWindow = recent.filter((t) => t > now - limit.windowMs);
        const oldestThatMustExpire = inWindow[inWindow.length - limit.count];
        return oldestThatMustExpire === undefined ? 0 : oldestThatMustExpire + limit.windowMs - now;
      }),
    );
  }

  private record(conversation: string): void {
    this.sentAt.set(conversation, [...(this.sentAt.get(conversation) ?? []), this.pacing.now()]);
  }
}
