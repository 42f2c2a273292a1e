import { describe, expect, it } from "vitest";
import type { Pacing } from "../../../../bot/bot-deps.js";
import { ConversationRateLimiter, type SendFailure } from "../../../../bot/proactive/rate-limiter.js";

/** A clock that only moves when the limiter sleeps, and a fixed jitter draw. */
function pacing(jitter: number): Pacing & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
    now += ms;
  };
  return { slept, now: () => now, sleep, random: () => jitter };
}

const failing = (statuses: number[]) => {
  let calls = 0;
  const send = async () => {
    const status = statuses[calls++];
    if (status !== undefined) throw Object.assign(new Error(`Teams answered ${status}`), { status });
    return "sent";
  };
  return { send, calls: () => calls };
};
const describeFailure = (error: unknown): SendFailure => ({ status: (error as { status: number }).status });

describe("the conversation rate limiter retries what Teams asks to be retried (issue 20)", () => {
  for (const status of [412, 429, 502, 504]) {
    it(`retries ${status} with exponential back-off and jitter, then sends once`, async () => {
      const p = pacing(0.5);
      const teams = failing([status, status, status]);
      await expect(new ConversationRateLimiter(p, describeFailure).run("chat", teams.send)).resolves.toBe("sent");
      expect(p.slept).toEqual([750, 1500, 3000]);
      expect(teams.calls()).toBe(4);
    });
  }

  it("waits a random half to whole of each step, so senders that failed together come back apart", async () => {
    const early = pacing(0);
    const late = pacing(0.999);
    await new ConversationRateLimiter(early, describeFailure).run("chat", failing([502]).send);
    await new ConversationRateLimiter(late, describeFailure).run("chat", failing([502]).send);
    expect(early.slept).toEqual([500]);
    expect(late.slept).toEqual([1000]);
  });

  for (const status of [400, 403, 404, 413]) {
    it(`never retries ${status}: trying again cannot help`, async () => {
      const p = pacing(1);
      const teams = failing([status]);
      await expect(new ConversationRateLimiter(p, describeFailure).run("chat", teams.send)).rejects.toMatchObject({
        status,
      });
      expect(teams.calls()).toBe(1);
      expect(p.slept).toEqual([]);
    });
  }
});
