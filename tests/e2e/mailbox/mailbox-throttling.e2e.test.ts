import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventually, startLocalStack, type LocalStack } from "../../support/local-stack.js";
import { acknowledgedIn, referralFrom } from "../../support/referrals.js";

/** Issue 21 §2: each mailbox its own pipeline and Graph budget, so a storm in one never slows another. */
describe("per-mailbox throttling independence (four centres, one stand-in)", () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack(inject("azuriteConnectionString"), "EThrottleOne", {
      centres: [1, 2, 3, 4].map((n) => ({
        id: `centre${n}`,
        name: `Family Centre ${n}`,
        mailbox: `familycentre${n}@council.example`,
      })),
    });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("acknowledges the other mailboxes' mail while Exchange still refuses every request for one of them", async () => {
    const addresses = stack.standIn.addresses();
    const [throttled, ...others] = [addresses[1], addresses[0], addresses[2], addresses[3]] as [string, ...string[]];
    stack.standIn.faults.set({ throttle: { status: 429, retryAfterSeconds: 5, mailbox: throttled } });
    const refusedBefore = stack.standIn.statsFor(throttled).requests;

    for (const [i, mailbox] of addresses.entries()) await stack.sendRaw(referralFrom(`throttle-${i}`), mailbox);

    await eventually(async () => {
      for (const mailbox of others) expect(acknowledgedIn(stack.standIn, mailbox)).toHaveLength(1);
    }, 60_000);
    // Still refused at this moment: the others' letters did not wait for it.
    expect(acknowledgedIn(stack.standIn, throttled)).toEqual([]);
    const refused = Object.values(stack.standIn.statsFor(throttled).requests).reduce(
      (sum, byStatus) => sum + (byStatus["429"] ?? 0),
      0,
    );
    expect(refused).toBeGreaterThan(
      Object.values(refusedBefore).reduce((sum, byStatus) => sum + (byStatus["429"] ?? 0), 0),
    );
    for (const mailbox of others) {
      const answered = stack.standIn.statsFor(mailbox).requests;
      expect(Object.values(answered).every((byStatus) => (byStatus["429"] ?? 0) === 0)).toBe(true);
    }

    stack.standIn.faults.set({ throttle: null });
    await eventually(async () => expect(acknowledgedIn(stack.standIn, throttled)).toHaveLength(1), 60_000);
  }, 150_000);
});
