import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { isMailboxBusy, type Mailbox } from "../../../src/ports/mailbox.js";
import { startAppHarness, type AppHarness, type HarnessOptions } from "../../support/app-harness.js";
import { mailboxWith } from "../../support/mailbox-with.js";
import { allCases, expectNoPersonalDataLogged, recipientsOf } from "./app-assertions.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const start = async (options?: HarnessOptions) => (harness = await startAppHarness(options));

const REFERRALS = ["eha-school-nurse.eml", "front-door-plain-fields.eml", "rfs-gp-surgery.eml"] as const;
const EXPECTED_RECIPIENTS = [
  "claire.whitfield@greenbank.school.example",
  "priya.raman@nhs.example",
  "tomasz.nowak@nhs.example",
];

/** How many times each outbox marker appears in Sent Items: every letter must be there exactly once. */
const markerCounts = (h: AppHarness): number[] => {
  const counts = new Map<string, number>();
  for (const message of h.standIn.mailbox.list("sentitems")) {
    const key = message.internetMessageHeaders.find((x) => x.name.toLowerCase() === "x-fc-outbox-key")?.value ?? "";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()];
};

describe("rule 1.3 log each contact once, and rule 1.2 acknowledge it once, whatever goes wrong", () => {
  it("logs and acknowledges every message once while Exchange throttles (429 with Retry-After)", async () => {
    // Two attempts per request: enough 429s reach the use cases for rounds to stop part-way and run again.
    const h = await start({ graph: { retry: { maxAttempts: 2, defaultBackoffSeconds: 0, maxWaitSeconds: 1 } } });
    const ids = await Promise.all(
      [...REFERRALS, "dart-police-notification.eml", "ooo-english.eml"].map((f) => h.deliverFixture(f)),
    );
    h.standIn.faults.set({ throttle: { status: 429, probability: 0.6, retryAfterSeconds: 0 } });

    let synced = false;
    let busy = 0;
    for (let roundNo = 0; roundNo < 60; roundNo++) {
      try {
        if (!synced) synced = (await syncInbox(h.deps, "test")).ran;
        const sent = await deliverOutbox(h.deps);
        if (sent.throttled) busy++;
      } catch (error) {
        if (!isMailboxBusy(error)) throw error;
        busy++;
      }
      if (synced && (await h.deps.outbox.listPending(10, "email")).length === 0) break;
    }
    h.standIn.faults.reset();

    expect(h.graphMetrics.throttled).toBeGreaterThan(0);
    expect(busy).toBeGreaterThan(0);
    expect(synced).toBe(true);
    expect(await h.deps.outbox.listPending(10, "email")).toEqual([]);
    const records = await Promise.all(ids.map((id) => h.deps.messages.find(id)));
    expect(records.map((r) => r?.state)).toEqual(["logged", "logged", "logged", "logged", "ignored"]);
    const cases = await allCases(h);
    expect(cases.map((c) => c.contacts.length)).toEqual([1, 1, 1, 1]);
    expect(markerCounts(h)).toEqual([1, 1, 1]);
    expect((await h.sentItems()).map(recipientsOf).flat().sort()).toEqual(EXPECTED_RECIPIENTS);
  });

  it("sends nothing twice after a crash between creating the draft and sending it, on a slow Exchange", async () => {
    let crashes = 1;
    const h = await start({
      wrapMailbox: (inner: Mailbox): Mailbox =>
        mailboxWith(inner, {
          sendDraft: async (draftId) => {
            if (crashes-- > 0) throw new Error("process stopped before the send");
            return inner.sendDraft(draftId);
          },
        }),
    });
    // Sent Items lags a minute behind every send, and the answer to the send that finally goes is lost.
    h.standIn.faults.set({ sentItemsDelayMs: { min: 60_000, max: 60_000 }, dropSendResponses: 1 });
    await h.deliverFixture("eha-school-nurse.eml");
    await syncInbox(h.deps, "test");

    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, failed: 1 });
    expect(h.standIn.mailbox.list("drafts")).toHaveLength(1);
    expect(await h.sentItems()).toEqual([]);

    // Within the in-transit window a draft may be a letter on its way: it is waited for, not sent.
    h.clock.advance(60_000);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, waiting: 1, failed: 0 });
    h.clock.advance(15 * 60_000);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, failed: 1 }); // sent, but its answer was lost
    for (const step of [30_000, 30_000, 30_000]) {
      h.clock.advance(step);
      await deliverOutbox(h.deps);
    }
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, failed: 0, waiting: 0 });
    expect(h.standIn.mailbox.list("drafts")).toEqual([]);
    expect(markerCounts(h)).toEqual([1]);
    expect(h.standIn.stats().outbound).toBe(1);
    const [stored] = await allCases(h);
    expect(stored?.case.events.filter((e) => e.type === "acknowledgement.sent")).toHaveLength(1);
  });

  it("logs nothing twice after a full resync (the saved delta link has expired)", async () => {
    const h = await start();
    await h.deliverFixture("eha-school-nurse.eml");
    await h.deliverFixture("front-door-plain-fields.eml");
    await syncInbox(h.deps, "test");
    await deliverOutbox(h.deps);

    h.clock.advance(10 * 60_000);
    h.standIn.faults.set({ expireDeltaTokens: true });
    await h.deliverFixture("rfs-gp-surgery.eml");
    const resync = await syncInbox(h.deps, "test");
    await deliverOutbox(h.deps);

    expect(resync).toMatchObject({ ran: true, resynced: true, logged: 1, alreadyHandled: 2 });
    expect(await allCases(h)).toHaveLength(3);
    expect(markerCounts(h)).toEqual([1, 1, 1]);
    await expectNoPersonalDataLogged(h, [...REFERRALS]);
  });

  it("finishes, once, a message a run claimed and reserved a case for before it stopped", async () => {
    const h = await start();
    const id = await h.deliverFixture("eha-school-nurse.eml");
    await h.deps.messages.claim(id, h.clock.now());
    const { caseId: reserved } = await h.deps.cases.reserveCaseId(2026, id);
    h.clock.advance(5 * 60_000);

    expect(await syncInbox(h.deps, "test")).toMatchObject({ logged: 1, alreadyHandled: 0 });
    await deliverOutbox(h.deps);
    expect((await allCases(h)).map((c) => c.case.id)).toEqual([reserved]);
    expect(await h.deps.messages.find(id)).toMatchObject({ state: "logged", caseId: reserved });
    expect(markerCounts(h)).toEqual([1]);
  });
});
