import { afterEach, describe, expect, it } from "vitest";
import type { AdaptiveCardJson } from "../../../bot/cards/card-json.js";
import { CASE_ACTION_VERB } from "../../../bot/cards/case-card.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { cardAction, message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { cardProblems } from "../../support/adaptive-card.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";

const pat: Sender = { id: "29:pat", aadObjectId: "aad-pat", name: "Pat Practitioner" };
const personal: Place = { type: "personal", id: "a:pat" };
const CASE = "FC-2026-000401";

let h: BotHarness;
afterEach(async () => h.close());

async function setUp(): Promise<void> {
  h = await startBotHarness({ now: "2026-01-14T10:00:00Z" });
  await h.addStaff({ id: "aad-pat", displayName: "Pat Practitioner", email: "p@x.example", roles: ["practitioner"] });
  await h.addCase(
    aCase().withId(CASE).receivedAt("2026-01-12T09:00:00Z").allocatedOn("2026-01-13T10:00:00Z", "aad-pat").build(),
  );
}

const lastCard = (): AdaptiveCardJson => h.connector.cards().at(-1) as unknown as AdaptiveCardJson;
const titles = (card: AdaptiveCardJson) => (card.actions ?? []).map((a) => a.title);

describe("the personal case card offers the case's actions, as the tab's case page does", () => {
  it("4.1a: a practitioner records the initial contact from the card, and the card offers what comes next", async () => {
    await setUp();
    await post(h.messagesUrl, message(h.connector.serviceUrl, pat, personal, `case ${CASE}`));
    const card = lastCard();
    expect(cardProblems(card)).toEqual([]);
    expect(titles(card)).toContain("Record the initial contact with the family");
    expect(titles(card)).not.toContain("Record a visit"); // 4.1: the initial contact comes first
    expect(titles(card)).not.toContain("Sign off the closure"); // a manager's

    const { status, body } = await post(
      h.messagesUrl,
      cardAction(h.connector.serviceUrl, pat, personal, CASE_ACTION_VERB, {
        caseId: CASE,
        actionId: "record-initial-contact",
      }),
    );
    expect(status).toBe(200);
    const redrawn = (body as { value: AdaptiveCardJson }).value;
    expect(cardProblems(redrawn)).toEqual([]);
    expect(titles(redrawn)).toContain("Record a visit");
    const { case: kase } = await h.store.cases.getCase(CASE);
    expect(kase.events.at(-1)).toMatchObject({ type: "initial-contact.made", by: { id: "aad-pat" } });
  });

  it("sends the inputs of the action taken (scoped on the card) and refuses what a role may not do, in words", async () => {
    await setUp();
    await post(
      h.messagesUrl,
      cardAction(
        h.connector.serviceUrl,
        pat,
        personal,
        CASE_ACTION_VERB,
        { caseId: CASE, actionId: "record-initial-contact" },
        "i-1",
      ),
    );
    await post(
      h.messagesUrl,
      cardAction(
        h.connector.serviceUrl,
        pat,
        personal,
        CASE_ACTION_VERB,
        {
          caseId: CASE,
          actionId: "record-visit",
          "record-visit~child-seen": "true",
          "record-case-note~note": "not this one",
        },
        "i-2",
      ),
    );
    const { case: kase } = await h.store.cases.getCase(CASE);
    expect(kase.events.at(-1)).toMatchObject({ type: "visit.completed", data: { childSeen: true } });

    const { body } = await post(
      h.messagesUrl,
      cardAction(
        h.connector.serviceUrl,
        pat,
        personal,
        CASE_ACTION_VERB,
        { caseId: CASE, actionId: "sign-off-closure", "sign-off-closure~end-date": "2026-01-14" },
        "i-3",
      ),
    );
    expect(JSON.stringify(body)).toContain("Only a manager can sign off a closure");
  });
});

describe("log contact (1.3: walk-ins and calls are entered by hand)", () => {
  it("offers the service's contact form in a personal chat and logs what is sent as a new case, clocks from when it came", async () => {
    h = await startBotHarness({ now: "2026-01-14T10:00:00Z" });
    const dana: Sender = { id: "29:dana", aadObjectId: "aad-dana", name: "Dana Duty" };
    await h.addStaff({ id: "aad-dana", displayName: "Dana Duty", email: "d@x.example", roles: ["duty-worker"] });
    const danaChat: Place = { type: "personal", id: "a:dana" };
    await post(h.messagesUrl, message(h.connector.serviceUrl, dana, danaChat, "log contact"));
    const form = lastCard();
    expect(cardProblems(form)).toEqual([]);
    expect(JSON.stringify(form)).toContain('"id":"contact~received-at~time"');

    const { body } = await post(
      h.messagesUrl,
      cardAction(h.connector.serviceUrl, dana, danaChat, "contact.log", {
        "contact~kind": "walk-in",
        "contact~channel": "walk-in",
        "contact~received-at": "2026-01-14",
        "contact~received-at~time": "09:15",
        "contact~summary": "A parent asking about support",
      }),
    );
    expect(JSON.stringify(body)).toMatch(/Logged as case FC-2026-\d{6}, which is awaiting screening/);
    const header = (await h.store.worklists.list("awaiting-screening")).items[0];
    const { case: kase } = await h.store.cases.getCase(header?.caseId ?? "");
    // 14 January is GMT: 09:15 in London is 09:15 UTC.
    expect(kase).toMatchObject({
      kind: "walk-in",
      openedAt: "2026-01-14T09:15:00.000Z",
      summary: "A parent asking about support",
    });
    expect(kase.events[0]).toMatchObject({ by: { id: "aad-dana" }, recordedAt: "2026-01-14T10:00:00.000Z" });
  });
});
