import { afterEach, describe, expect, it } from "vitest";
import { POISON_ATTEMPTS, syncInbox } from "../../../src/app/sync-inbox.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The stand-in then serves the message with no readable received or sent time, as a broken item would come. */
function breakReceivedTime(h: AppHarness, id: string): void {
  h.standIn.mailbox.update(id, (m) => {
    m.receivedDateTime = "not a date";
    delete m.sentDateTime;
  });
}

describe("rule 1.3 a malformed message never stops the inbox", () => {
  it("reads the round, logs the good message and counts the malformed one as its own failure", async () => {
    const h = (harness = await startAppHarness());
    const broken = await h.deliverFixture("rfs-gp-surgery.eml");
    const good = await h.deliverFixture("eha-school-nurse.eml");
    breakReceivedTime(h, broken);

    const round = await syncInbox(h.deps, "test");

    expect(round).toMatchObject({ ran: true, logged: 1, failed: 1, quarantined: 0 });
    expect(await h.deps.messages.find(good)).toMatchObject({ state: "logged" });
    expect(await h.deps.messages.find(broken)).toMatchObject({
      state: "claimed",
      failedAttempts: 1,
      reason: "GRAPH.MALFORMED_MESSAGE",
    });
  });

  it(`quarantines it after ${POISON_ATTEMPTS} rounds with a notice for the duty chat, then moves the delta on`, async () => {
    const h = (harness = await startAppHarness());
    const broken = await h.deliverFixture("rfs-gp-surgery.eml");
    breakReceivedTime(h, broken);

    const rounds = [];
    for (let i = 0; i < POISON_ATTEMPTS; i++) rounds.push(await syncInbox(h.deps, "test"));
    const later = await h.deliverFixture("eha-school-nurse.eml");
    const next = await syncInbox(h.deps, "test");

    expect(rounds.map((r) => (r.ran ? [r.failed, r.quarantined] : []))).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(await h.deps.messages.find(broken)).toMatchObject({ state: "quarantined" });
    expect(await h.deps.outbox.get("intake", `quarantine~${broken}`)).toMatchObject({
      purpose: "quarantine",
      payload: { messageId: broken, reason: "GRAPH.MALFORMED_MESSAGE", attempts: POISON_ATTEMPTS },
    });
    expect(next).toMatchObject({ logged: 1, failed: 0, quarantined: 0 });
    expect(await h.deps.messages.find(later)).toMatchObject({ state: "logged" });
  });

  it("logs a message the stand-in serves without a sender", async () => {
    const h = (harness = await startAppHarness());
    const id = await h.deliverFixture("eha-school-nurse.eml");
    h.standIn.mailbox.update(id, (m) => {
      delete m.from;
      delete m.sender;
    });

    expect(await syncInbox(h.deps, "test")).toMatchObject({ logged: 1, failed: 0 });
    expect(await h.deps.messages.find(id)).toMatchObject({ state: "logged" });
  });
});
