import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { allCases, recipientsOf } from "./app-assertions.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const round = async (h: AppHarness) => {
  await syncInbox(h.deps, "test");
  await deliverOutbox(h.deps);
};

describe("rule 1.3 log each contact: conversations", () => {
  it("opens a new case for a second Front Door form the Early Help Desk forwards under the same subject", async () => {
    // Exchange threads mail without In-Reply-To/References by subject, so both forwards share a conversation.
    const h = (harness = await startAppHarness({ now: "2026-01-15T13:44:01Z" }));
    const first = await h.deliverFixture("front-door-ambiguous-no-referrer.eml");
    await round(h);
    h.clock.set("2026-01-19T10:02:45Z");
    const second = await h.deliverFixture("front-door-labels-on-own-line.eml", (raw) =>
      raw.replace(/^(Subject|Thread-Topic): .*$/gm, "$1: FW: Front Door contact"),
    );
    await round(h);

    expect(h.standIn.mailbox.get(second).conversationId).toBe(h.standIn.mailbox.get(first).conversationId);
    const cases = await allCases(h);
    expect(cases.map((c) => [c.case.kind, c.contacts.length])).toEqual([
      ["front-door", 1],
      ["front-door", 1],
    ]);
    expect((await h.sentItems()).map(recipientsOf)).toEqual([["femi.adeyemi@camhs.nhs.example"]]);
  });

  it("attaches a reply in a case's conversation (In-Reply-To, no reference in the subject) as a follow-up", async () => {
    const h = (harness = await startAppHarness());
    await h.deliverFixture("rfs-housing-officer.eml");
    await round(h);
    h.clock.advance(24 * 60 * 60_000);
    await h.deliverFixture("reply-same-thread.eml");
    await round(h);

    const cases = await allCases(h);
    expect(cases).toHaveLength(1);
    const byReceipt = [...(cases[0]?.contacts ?? [])].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    expect(byReceipt.map((c) => c.isFollowUp)).toEqual([false, true]);
    expect(await h.sentItems()).toHaveLength(1);
  });
});
