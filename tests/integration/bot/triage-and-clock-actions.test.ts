import { afterEach, describe, expect, it } from "vitest";
import type { AdaptiveCardJson } from "../../../bot/cards/card-json.js";
import { letterKey } from "../../../src/app/mail-keys.js";
import { cardProblems } from "../../support/adaptive-card.js";
import { aCase } from "../../support/builders/case-builder.js";
import { cardAction, post, type Place, type Sender } from "./activities.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";

const dana: Sender = { id: "29:dana", aadObjectId: "aad-dana", name: "Dana Duty" };
const dutyChannel: Place = {
  type: "channel",
  id: "19:duty@thread.tacv2;messageid=7",
  channelId: "19:duty@thread.tacv2",
};
const CASE = "FC-2026-000301";
const CONTACT = `${CASE}-contact-1`;

let h: BotHarness;
afterEach(async () => h.close());

async function click(verb: string, data: Record<string, unknown>, id = "invoke-1") {
  const { status, body } = await post(
    h.messagesUrl,
    cardAction(h.connector.serviceUrl, dana, dutyChannel, verb, data, id),
  );
  expect(status).toBe(200);
  const card = (body as { value: AdaptiveCardJson }).value;
  expect(cardProblems(card)).toEqual([]);
  return JSON.stringify(card);
}

async function setUp(profileId = "family-solutions"): Promise<BotHarness> {
  h = await startBotHarness({ now: "2026-01-12T11:00:00Z", profileId });
  await h.addStaff({
    id: "aad-dana",
    displayName: "Dana Duty",
    email: "d@x.example",
    roles: ["duty-worker", "manager"],
  });
  return h;
}

describe("rule 1.2 the duty worker confirms the original referrer on the triage card", () => {
  it("records the confirmation once, even when Teams retries, and releases the held acknowledgement", async () => {
    await setUp();
    const kase = aCase()
      .withId(CASE)
      .receivedAt("2026-01-12T09:00:00Z")
      .referredBy({ email: "desk@council.example", confirmed: false })
      .build();
    await h.addCase(kase);
    const key = letterKey(CASE, "acknowledgement", CONTACT);
    await h.store.outbox.enqueue(
      { caseId: CASE, key, channel: "email", purpose: "acknowledgement", payload: {}, held: true },
      h.clock.now(),
    );
    const data = {
      caseId: CASE,
      contactId: CONTACT,
      referrerName: "Priya Raman",
      referrerEmail: "priya.raman@nhs.example",
    };
    const first = await click("triage.confirmReferrer", data);
    await click("triage.confirmReferrer", data);

    expect(first).toContain("Dana Duty");
    const { case: saved } = await h.store.cases.getCase(CASE);
    expect(saved.events.filter((e) => e.type === "referrer.confirmed")).toHaveLength(1);
    expect(saved.referrer).toMatchObject({ email: "priya.raman@nhs.example", confirmed: true });
    expect((await h.store.outbox.get(CASE, key))?.state).toBe("pending");
  });

  it("says that linking to a case is done in the tab and records nothing", async () => {
    await setUp();
    await h.addCase(aCase().withId(CASE).build());
    const answer = await click("triage.linkCase", {
      caseId: CASE,
      contactId: CONTACT,
      caseReference: "FC-2026-000001",
    });
    expect(answer).toContain("Open the contact in the tab");
    expect((await h.store.cases.getCase(CASE)).case.events).toHaveLength(1);
  });
});

describe("a reason for an exceeded clock", () => {
  it("records the reason once against the clock instance, even when Teams retries", async () => {
    await setUp();
    await h.addCase(aCase().withId(CASE).receivedAt("2026-01-05T09:00:00Z").build());
    const data = { caseId: CASE, rule: "1.2", instance: 1, reason: "The duty worker was off sick." };
    const answer = await click("clock.reason", data);
    await click("clock.reason", data);
    expect(answer).toContain("reason recorded for clock 1.2");
    const reasons = (await h.store.cases.getCase(CASE)).case.events.filter((e) => e.type === "clock.reason-recorded");
    expect(reasons).toMatchObject([{ data: { rule: "1.2", instance: 1, reason: "The duty worker was off sick." } }]);
  });
});

describe("Bexley transfer panel", () => {
  it("records the panel's final decision and shows the follow-up tasks", async () => {
    await setUp("bexley");
    const kase = aCase().underProfile("bexley").withId(CASE).ofKind("step-down-from-social-care").build();
    expect(kase.state).toBe("awaiting-transfer-panel");
    await h.addCase(kase);
    const answer = await click("transfer.decide", {
      caseId: CASE,
      [`${CASE}~outcome`]: "transfer",
      [`${CASE}~note`]: "Transfer on 2 February.",
    });
    expect(answer).toContain("Decided by Dana Duty");
    expect(answer).toContain("Hand-over meeting");
    const decided = (await h.store.cases.getCase(CASE)).case.events.filter((e) => e.type === "transfer-panel.decided");
    expect(decided).toMatchObject([{ data: { outcome: "transfer", direction: "to-early-help" } }]);
  });
});

describe("an unknown verb", () => {
  it("answers that the card is out of date", async () => {
    await setUp();
    expect(await click("screening.reopen", { caseId: CASE })).toContain("out of date");
  });
});
