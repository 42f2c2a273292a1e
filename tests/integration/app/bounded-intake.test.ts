import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { startAppHarness, type AppHarness, type HarnessOptions } from "../../support/app-harness.js";
import { allCases } from "./app-assertions.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const start = async (options: HarnessOptions = {}) => (harness = await startAppHarness(options));
const loggedMessageIds = async (h: AppHarness) =>
  (await allCases(h)).flatMap((c) => c.contacts.map((contact) => contact.messageId));

/** Batch parts the stand-in served for single messages: a message read in full outside delta. */
const fullReads = (h: AppHarness) =>
  Object.values(h.standIn.stats().batchParts["GET /users/{user}/messages/{id}"] ?? {}).reduce((a, b) => a + b, 0);

describe("rule 1.3 intake reads from go-live, never the whole Inbox", () => {
  it("takes none of the mail already in the Inbox at the first round for a new contact", async () => {
    const h = await start({ intakeFrom: undefined });
    const before = await h.deliverFixture("eha-school-nurse.eml");
    h.clock.advance(HOUR);

    expect(await syncInbox(h.deps, "test")).toMatchObject({ messages: 0, logged: 0 });
    const after = await h.deliverFixture("rfs-gp-surgery.eml");
    expect(await syncInbox(h.deps, "test")).toMatchObject({ messages: 1, logged: 1 });
    expect(await loggedMessageIds(h)).toEqual([after]);
    expect(await h.deps.messages.find(before)).toBeUndefined();
  });

  it("starts from the go-live instant when one is set", async () => {
    const h = await start({ intakeFrom: "2026-01-12T09:00:00Z", now: "2026-01-12T08:00:00Z" });
    await h.deliverFixture("eha-school-nurse.eml");
    h.clock.set("2026-01-12T09:30:00Z");
    const afterGoLive = await h.deliverFixture("rfs-gp-surgery.eml");

    expect(await syncInbox(h.deps, "test")).toMatchObject({ messages: 1, logged: 1 });
    expect(await loggedMessageIds(h)).toEqual([afterGoLive]);
  });

  it("resyncs from just before the last complete round, not from go-live", async () => {
    const h = await start();
    await h.deliverFixture("eha-school-nurse.eml");
    await syncInbox(h.deps, "test");
    h.clock.advance(2 * DAY);
    await h.deliverFixture("rfs-gp-surgery.eml");
    await syncInbox(h.deps, "test");

    h.clock.advance(DAY);
    h.standIn.faults.set({ expireDeltaTokens: true });
    await h.deliverFixture("front-door-plain-fields.eml");
    const resync = await syncInbox(h.deps, "test");

    // The first day's mail is not read again; the last round's is (the overlap), and the ledger knows it.
    expect(resync).toMatchObject({ resynced: true, messages: 2, logged: 1, alreadyHandled: 1 });
    expect(await allCases(h)).toHaveLength(3);
  });

  it("reads a first round's whole window when Graph's cap on a filtered round may have left mail out", async () => {
    const h = await start({ deltaFilterCap: 3, intakeFrom: "2026-01-12T09:00:00Z", now: "2026-01-12T08:00:00Z" });
    await h.deliverFixture("dart-police-notification.eml"); // before go-live: never read, cap or no cap
    h.clock.set("2026-01-12T09:30:00Z");
    const files = ["eha-school-nurse.eml", "rfs-gp-surgery.eml", "front-door-plain-fields.eml"];
    const ids = [];
    for (const file of [...files, "eha-health-visitor-docx.eml", "front-door-name-only.eml"]) {
      ids.push(await h.deliverFixture(file));
    }

    expect(await syncInbox(h.deps, "test")).toMatchObject({ logged: 5, failed: 0 });
    expect((await loggedMessageIds(h)).sort()).toEqual([...ids].sort());
    expect(await syncInbox(h.deps, "test")).toMatchObject({ messages: 0 });
  });

  it("asks delta for new mail only, so a message read in Outlook after it was logged is not read again", async () => {
    const h = await start();
    const id = await h.deliverFixture("eha-school-nurse.eml");
    await syncInbox(h.deps, "test");
    const readsBefore = fullReads(h);
    await fetch(`${h.standIn.graphBaseUrl}/users/${h.deps.centre.mailbox}/messages/${id}`, {
      method: "PATCH",
      headers: { authorization: "Bearer local", "content-type": "application/json" },
      body: JSON.stringify({ isRead: true }),
    });

    expect(await syncInbox(h.deps, "test")).toMatchObject({ messages: 0 });
    expect(fullReads(h)).toBe(readsBefore);
  });
});

describe("rule 1.2 old mail is never acknowledged", () => {
  it("logs a contact received longer ago than the age limit, without an acknowledgement", async () => {
    const h = await start({ acknowledgeWithinHours: 72 });
    await h.deliverFixture("eha-school-nurse.eml");
    h.clock.advance(4 * DAY); // read only now: the service was down, or the message was found late

    expect(await syncInbox(h.deps, "test")).toMatchObject({ logged: 1 });
    await deliverOutbox(h.deps);
    expect(await h.sentItems()).toEqual([]);
    const [stored] = await allCases(h);
    expect(await h.deps.outbox.listPending(10, "email")).toEqual([]);
    const card = (await h.deps.outbox.listPending(10, "teams")).find((i) => i.purpose === "triage");
    expect(card?.payload).toMatchObject({ notAcknowledgedBecause: "too-old" });
    expect(stored?.contacts).toHaveLength(1);
  });

  it("still acknowledges mail read within the limit", async () => {
    const h = await start({ acknowledgeWithinHours: 72 });
    await h.deliverFixture("eha-school-nurse.eml");
    h.clock.advance(2 * DAY);
    await syncInbox(h.deps, "test");
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 });
  });
});
