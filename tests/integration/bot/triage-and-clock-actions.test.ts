import { afterEach, describe, expect, it } from "vitest";
import type { AdaptiveCardJson } from "../../../bot/cards/card-json.js";
import { letterKey } from "../../../src/app/mail-keys.js";
import { cardProblems } from "../../support/adaptive-card.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { cardAction, post, type Place, type Sender } from "../../../dev/teams/activities.js";
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

const MESSAGE = "application/vnd.microsoft.activity.message";
/** What the last click was answered with: a card drawn in place, or words under the card (which stays as it was). */
let answeredWith: string | undefined;

async function click(verb: string, data: Record<string, unknown>, id = "invoke-1", from: Sender = dana) {
  const { status, body } = await post(
    h.messagesUrl,
    cardAction(h.connector.serviceUrl, from, dutyChannel, verb, data, id),
  );
  expect(status).toBe(200);
  const answer = body as { type: string; value: AdaptiveCardJson | string };
  answeredWith = answer.type;
  if (typeof answer.value !== "string") expect(cardProblems(answer.value)).toEqual([]);
  return JSON.stringify(answer.value);
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
});

const EXISTING = "FC-2026-000150";
const ACK = letterKey(CASE, "acknowledgement", CONTACT);

/** A contact logged this morning as a new case, its acknowledgement queued; case 150 already held at MAAM. */
async function aContactOpenedInError(): Promise<void> {
  await setUp();
  await h.addCase(aCase().withId(EXISTING).receivedAt("2026-01-05T09:00:00Z").screenedAs("maam").build());
  await h.addCase(aCase().withId(CASE).receivedAt("2026-01-12T09:00:00Z").build());
  await h.store.outbox.enqueue(
    { caseId: CASE, key: ACK, channel: "email", purpose: "acknowledgement", payload: {} },
    h.clock.now(),
  );
}

const triageDecisions = async () =>
  (await h.store.cases.getCase(CASE)).case.events.filter(
    (e) => e.type === "case.linked" || e.type === "case.marked-not-a-contact",
  );

describe("duty triage: link to an existing case", () => {
  const link = { caseId: CASE, contactId: CONTACT, caseReference: " fc-2026-000150 " };

  it("moves the contact to the case it was about, closes this one and shows who decided", async () => {
    await aContactOpenedInError();
    const answer = await click("triage.linkCase", link);
    expect(answer).toContain("Decided by Dana Duty");
    expect(answer).toContain(`linked to case ${EXISTING}`);
    expect(answer).toContain("its acknowledgement will not be sent");
    expect((await h.store.cases.getCase(CASE)).case.state).toBe("closed");
    const target = (await h.store.cases.getCase(EXISTING)).case;
    expect(target.events.filter((e) => e.type === "contact.linked")).toMatchObject([
      { data: { contactId: CONTACT, fromCaseId: CASE } },
    ]);
    expect((await h.store.outbox.get(CASE, ACK))?.state).toBe("failed");
  });

  it("records once when Teams retries the same invoke", async () => {
    await aContactOpenedInError();
    await click("triage.linkCase", link, "invoke-7");
    const retried = await click("triage.linkCase", link, "invoke-7");
    expect(retried).toContain("was already decided");
    expect(await triageDecisions()).toHaveLength(1);
  });

  it("gives one decision when two duty workers click at once, and both cards say who made it", async () => {
    await aContactOpenedInError();
    await h.addStaff({ id: "aad-omar", displayName: "Omar Okafor", email: "o@x.example", roles: ["duty-worker"] });
    const omar: Sender = { id: "29:omar", aadObjectId: "aad-omar", name: "Omar Okafor" };
    const answers = await Promise.all([
      click("triage.linkCase", link, "invoke-a"),
      click(
        "triage.notAContact",
        { caseId: CASE, contactId: CONTACT, notAContactReason: "duplicate" },
        "invoke-b",
        omar,
      ),
    ]);
    expect(await triageDecisions()).toHaveLength(1);
    const [decision] = await triageDecisions();
    const byName = decision?.by.displayName ?? "";
    expect(answers.every((a) => a.includes(`Decided by ${byName}`))).toBe(true);
    expect(answers.filter((a) => a.includes("was already decided"))).toHaveLength(1);
  });

  it("refuses a practitioner and records nothing", async () => {
    await aContactOpenedInError();
    await h.addStaff({ id: "aad-pat", displayName: "Pat Practitioner", email: "p@x.example", roles: ["practitioner"] });
    const pat: Sender = { id: "29:pat", aadObjectId: "aad-pat", name: "Pat Practitioner" };
    const answer = await click("triage.linkCase", link, "invoke-1", pat);
    expect(answer).toContain("Only a duty worker or a manager can link a contact to an existing case");
    expect(answeredWith).toBe(MESSAGE);
    expect(await triageDecisions()).toEqual([]);
    expect((await h.store.outbox.get(CASE, ACK))?.state).toBe("pending");
  });

  it("asks for a case reference it can read", async () => {
    await aContactOpenedInError();
    const answer = await click("triage.linkCase", { ...link, caseReference: "the Smith case" });
    expect(answer).toContain("Give the reference of the existing case");
    expect(answeredWith).toBe(MESSAGE);
    expect(await triageDecisions()).toEqual([]);
  });
});

describe("duty triage: not a contact", () => {
  it("closes the case with the chosen reason and note, and says so on the card", async () => {
    await aContactOpenedInError();
    const answer = await click("triage.notAContact", {
      caseId: CASE,
      contactId: CONTACT,
      notAContactReason: "wrong-mailbox",
      notAContactNote: "Meant for housing",
    });
    expect(answer).toContain("Decided by Dana Duty");
    expect(answer).toContain("not a contact (Sent to the wrong mailbox: Meant for housing)");
    expect(await triageDecisions()).toMatchObject([
      { type: "case.marked-not-a-contact", by: { id: "aad-dana" }, data: { reason: "wrong-mailbox" } },
    ]);
    expect((await h.store.outbox.get(CASE, ACK))?.state).toBe("failed");
  });

  it("asks for a reason from the list and records nothing without one", async () => {
    await aContactOpenedInError();
    const answer = await click("triage.notAContact", { caseId: CASE, contactId: CONTACT });
    expect(answer).toContain("Choose why this is not a contact");
    expect(await triageDecisions()).toEqual([]);
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
