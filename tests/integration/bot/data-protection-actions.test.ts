import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AdaptiveCardJson } from "../../../bot/cards/card-json.js";
import { CASE_ACTION_VERB } from "../../../bot/cards/case-card.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { cardAction, message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { cardProblems } from "../../support/adaptive-card.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";

// Issue 16: the personal case card offers a legal hold to a manager and a redaction to the data protection
// officer, as the tab's case page does, through the same use cases (audited as from the bot).

const max: Sender = { id: "29:max", aadObjectId: "aad-max", name: "Max Manager" };
const dee: Sender = { id: "29:dee", aadObjectId: "aad-dee", name: "Dee Protection" };
const dana: Sender = { id: "29:dana", aadObjectId: "aad-dana", name: "Dana Duty" };
const chatOf = (who: Sender): Place => ({ type: "personal", id: `a:${who.id}` });
const CASE = "FC-2026-000701";
const NOTE = "Maisie Bloggs was upset at drop-off";

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness({ now: "2026-01-14T10:00:00Z" });
  await h.addStaff({ id: "aad-max", displayName: "Max Manager", email: "m@x.example", roles: ["manager"] });
  await h.addStaff({ id: "aad-dee", displayName: "Dee Protection", email: "d@x.example", roles: ["data-protection"] });
  await h.addStaff({ id: "aad-dana", displayName: "Dana Duty", email: "dd@x.example", roles: ["duty-worker"] });
  await h.addCase(aCase().withId(CASE).receivedAt("2026-01-12T09:00:00Z").screenedAs("maam", { note: NOTE }).build());
});
afterEach(async () => h.close());

const titles = (card: AdaptiveCardJson) => (card.actions ?? []).map((a) => a.title);

async function cardFor(who: Sender): Promise<AdaptiveCardJson> {
  await post(h.messagesUrl, message(h.connector.serviceUrl, who, chatOf(who), `case ${CASE}`));
  const card = h.connector.cards().at(-1) as unknown as AdaptiveCardJson;
  expect(cardProblems(card)).toEqual([]);
  return card;
}

const click = (who: Sender, data: Record<string, unknown>) =>
  post(
    h.messagesUrl,
    cardAction(h.connector.serviceUrl, who, chatOf(who), CASE_ACTION_VERB, { caseId: CASE, ...data }),
  );

describe("data protection on the personal case card", () => {
  it("offers each action to exactly the role that may take it", async () => {
    expect(titles(await cardFor(max))).toContain("Place a legal hold (keep past retention)");
    expect(titles(await cardFor(max))).not.toContain("Correct or redact a text (rectification, erasure)");
    expect(titles(await cardFor(dee))).toContain("Correct or redact a text (rectification, erasure)");
    expect(titles(await cardFor(dee))).not.toContain("Place a legal hold (keep past retention)");
    const duty = titles(await cardFor(dana));
    expect(duty.filter((t) => /legal hold|redact/i.test(t))).toEqual([]);
  });

  it("places a legal hold from the card, audited as from the bot, and then offers to lift it", async () => {
    const { status, body } = await click(max, {
      actionId: "place-legal-hold",
      "place-legal-hold~reason": "Complaint to the Ombudsman",
    });
    expect(status).toBe(200);
    expect(titles((body as { value: AdaptiveCardJson }).value)).toContain("Lift the legal hold");
    expect((await h.store.cases.getCase(CASE)).case.events.at(-1)).toMatchObject({
      type: "legal-hold.placed",
      by: { id: "aad-max" },
    });
    const audit = await h.store.audit.read({ from: "2026-01-14", to: "2026-01-14", caseId: CASE });
    expect(audit.filter((e) => e.action === "case.legal-hold-placed").map((e) => e.via)).toEqual(["bot"]);
  });

  it("redacts a text from the card", async () => {
    await click(dee, {
      actionId: "redact-text",
      "redact-text~text": "Maisie Bloggs",
      "redact-text~reason": "Erasure request of 10 January",
    });
    const stored = await h.store.cases.getCase(CASE);
    expect(JSON.stringify(stored)).not.toContain("Maisie Bloggs");
    expect(stored.case.events.at(-1)).toMatchObject({ type: "redacted", by: { id: "aad-dee" } });
  });
});
