import { afterEach, describe, expect, it } from "vitest";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { NOTIFIED_RECHECK_MS, notifiedRounds } from "../../../src/jobs/notified-rounds.js";
import type { Timer } from "../../../src/jobs/scheduler.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A timer the test fires by hand, recording each delay asked for. */
function handTimer(): Timer & { readonly delays: number[]; fire(): void } {
  let due: (() => void) | undefined;
  const delays: number[] = [];
  return {
    delays,
    set: (callback, delayMs) => {
      delays.push(delayMs);
      due = callback;
      return delays.length;
    },
    clear: () => (due = undefined),
    fire: () => {
      const callback = due;
      due = undefined;
      callback?.();
    },
  };
}

describe("rule 1.3 a notified message not yet in delta", () => {
  it("is looked for again a minute after a notified round that found nothing", async () => {
    const h = (harness = await startAppHarness());
    await syncInbox(h.deps, "test"); // the round's link, before the new mail
    h.standIn.faults.set({ deltaLagMs: 30_000 }); // notified at once, in delta only after 30 s
    const timer = handTimer();
    let asked = 0;
    const rounds = notifiedRounds(
      () => syncInbox(h.deps, "test"),
      () => asked++,
      { timer },
    );

    const id = await h.deliverFixture("eha-school-nurse.eml");
    rounds.notified();
    expect(await rounds.run()).toMatchObject({ messages: 0 });
    expect(timer.delays).toEqual([NOTIFIED_RECHECK_MS]);

    h.clock.advance(NOTIFIED_RECHECK_MS);
    timer.fire();
    expect(asked).toBe(1);
    expect(await rounds.run()).toMatchObject({ messages: 1, logged: 1 });
    expect(await h.deps.messages.find(id)).toMatchObject({ state: "logged" });
    expect(timer.delays).toHaveLength(1); // the look found it, and was no notified round itself
  });

  it("asks for no second look after a notified round that found the mail, nor after the safety net's", async () => {
    const h = (harness = await startAppHarness());
    const timer = handTimer();
    const rounds = notifiedRounds(
      () => syncInbox(h.deps, "test"),
      () => undefined,
      { timer },
    );
    await h.deliverFixture("eha-school-nurse.eml");
    rounds.notified();
    expect(await rounds.run()).toMatchObject({ logged: 1 });
    expect(await rounds.run()).toMatchObject({ messages: 0 });
    expect(timer.delays).toEqual([]);
  });
});
