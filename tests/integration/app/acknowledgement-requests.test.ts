import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { allCases } from "./app-assertions.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const requestsTo = (h: AppHarness, fragment: string): number =>
  Object.entries(h.standIn.stats().requests)
    .filter(([route]) => route.includes(fragment))
    .reduce((n, [, byStatus]) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);

const countsOf = (h: AppHarness) => ({
  searches: requestsTo(h, "/mailFolders/"),
  drafts: requestsTo(h, "/createReply"),
  sends: requestsTo(h, "/send"),
});

describe("rule 1.2 acknowledgement sent with the fewest Graph requests", () => {
  it("sends a letter never tried before with a draft and a send only: no search of Drafts or Sent Items", async () => {
    const h = (harness = await startAppHarness());
    await h.deliverFixture("eha-school-nurse.eml");
    await syncInbox(h.deps, "test");
    const before = countsOf(h);

    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1, failed: 0 });

    const after = countsOf(h);
    expect({
      searches: after.searches - before.searches,
      drafts: after.drafts - before.drafts,
      sends: after.sends - before.sends,
    }).toEqual({ searches: 0, drafts: 1, sends: 1 });
    expect(h.standIn.mailbox.list("sentitems")).toHaveLength(1);
    expect(await h.deps.outbox.listPending(10, "email")).toEqual([]);
    const [stored] = await allCases(h);
    expect(stored?.case.events.filter((e) => e.type === "acknowledgement.sent")).toHaveLength(1);
  });

  it("finishes a letter whose sender stopped after claiming it but before drafting it: drafted and sent once", async () => {
    const h = (harness = await startAppHarness());
    await h.deliverFixture("eha-school-nurse.eml");
    await syncInbox(h.deps, "test");
    const [pending] = await h.deps.outbox.listPending(10, "email");
    if (!pending) throw new Error("no letter queued");
    await h.deps.outbox.transition(pending, { to: "drafted", draftId: "" }, h.clock.now());

    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, waiting: 1 }); // its sender may still be at work
    h.clock.advance(60_000);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1, failed: 0 });
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 });

    expect(h.standIn.mailbox.list("sentitems")).toHaveLength(1);
    expect(h.standIn.mailbox.list("drafts")).toEqual([]);
  });

  it("never sends again a letter whose draft was recorded and is in neither Drafts nor Sent Items: it is on its way", async () => {
    const h = (harness = await startAppHarness());
    await h.deliverFixture("eha-school-nurse.eml");
    await syncInbox(h.deps, "test");
    const [pending] = await h.deps.outbox.listPending(10, "email");
    if (!pending) throw new Error("no letter queued");
    await h.deps.outbox.transition(pending, { to: "drafted", draftId: "AAMkAGI-handed-over" }, h.clock.now());

    h.clock.advance(60_000);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, waiting: 1 });
    h.clock.advance(31 * 60_000);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, failed: 1 });
    expect(h.standIn.mailbox.list("sentitems")).toEqual([]);
    expect(h.standIn.mailbox.list("drafts")).toEqual([]);
  });
});
