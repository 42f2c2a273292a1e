import { afterEach, describe, expect, it } from "vitest";
import type { AdaptiveCardJson } from "../../../bot/cards/card-json.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { cardAction, cardSubmit, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { cardProblems, cardText, executeActions } from "../../support/adaptive-card.js";
import { eventually } from "../../support/local-stack.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";

/** Issue 20: cards that behave as Teams makes them behave. */
const dana: Sender = { id: "29:dana", aadObjectId: "aad-dana", name: "Dana Duty" };
const screeningChat: Place = { type: "groupChat", id: "19:screening@thread.v2" };
const CASES = ["FC-2026-000201", "FC-2026-000202", "FC-2026-000203"];
const [ONE, TWO, THREE] = CASES as [string, string, string];

let h: BotHarness;
afterEach(async () => h.close());

async function threeOnTheAgenda(): Promise<BotHarness> {
  h = await startBotHarness({ now: "2026-01-13T10:30:00Z" });
  await h.addStaff({ id: "aad-dana", displayName: "Dana Duty", email: "d@x.example", roles: ["duty-worker"] });
  for (const id of CASES) await h.addCase(aCase().withId(id).receivedAt("2026-01-12T09:00:00Z").build());
  return h;
}

/** What Teams sends with a click: the button's data and every input of the card, empty ones included. */
const clickData = (caseId: string, typed: Record<string, string>) => ({
  caseId,
  agendaCaseIds: CASES,
  ...Object.fromEntries(CASES.flatMap((id) => [`${id}~outcome`, `${id}~note`].map((input) => [input, ""]))),
  ...typed,
});

async function click(caseId: string, typed: Record<string, string>) {
  const invoke = cardAction(h.connector.serviceUrl, dana, screeningChat, "screening.decide", clickData(caseId, typed));
  const { status, body } = await post(h.messagesUrl, invoke);
  expect(status).toBe(200);
  return body as { statusCode: number; type: string; value: AdaptiveCardJson };
}

const decided = async (caseId: string) =>
  (await h.store.cases.getCase(caseId)).case.events.filter((e) => e.type === "screening.decided");

describe("a three-item agenda decides one item at a time", () => {
  it("records item 2 while items 1 and 3 are still open, and redraws all three", async () => {
    await threeOnTheAgenda();
    const answer = await click(TWO, { [`${TWO}~outcome`]: "maam", [`${TWO}~note`]: "For the panel." });

    expect(await decided(TWO)).toHaveLength(1);
    expect(await decided(ONE)).toEqual([]);
    expect(await decided(THREE)).toEqual([]);
    expect(cardProblems(answer.value)).toEqual([]);
    expect(executeActions(answer.value).map((a) => a.data.caseId)).toEqual([ONE, THREE]);
    expect(cardText(answer.value)).toContain("Decided by Dana Duty");
  });

  it("says what is missing on that item of the same card, keeping what was typed on the others", async () => {
    await threeOnTheAgenda();
    const answer = await click(THREE, { [`${ONE}~note`]: "Half written." });

    expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
    const json = cardText(answer.value);
    expect(json).toContain(`Choose a decision for case ${THREE}, then record it.`);
    expect(json).toContain('"value":"Half written."');
    expect(executeActions(answer.value).map((a) => a.data.caseId)).toEqual(CASES);
    expect(await decided(THREE)).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.connector.calls.filter((c) => c.method === "PUT")).toEqual([]); // nobody else's card changed
  });

  it("puts the lifecycle's refusal (a note the outcome needs) on the item too", async () => {
    await threeOnTheAgenda();
    const answer = await click(ONE, { [`${ONE}~outcome`]: "no-further-action" });
    expect(cardText(answer.value)).toContain("needs a note saying why");
    expect(cardText(answer.value)).toContain('"value":"no-further-action"');
  });
});

describe("the shared card's update for everyone, after a decision", () => {
  it("goes through the chat's rate limiter and is retried as Teams asks (412), with back-off", async () => {
    await threeOnTheAgenda();
    h.connector.failNext(1, 412);
    await click(TWO, { [`${TWO}~outcome`]: "maam", [`${TWO}~note`]: "For the panel." });

    const update = await eventually(async () => {
      const put = h.connector.calls.find((c) => c.method === "PUT");
      expect(put).toBeDefined();
      return put;
    });
    expect(JSON.stringify(update?.activity)).toContain("Decided by Dana Duty");
    expect(h.connector.refused.map((r) => [r.method, r.status])).toEqual([["PUT", 412]]);
    expect(h.pacing.slept).toEqual([1000]);
    expect(h.logLines.some((l) => l.includes("bot.card-update-failed"))).toBe(false);
  });
});

describe("an invoke that fails is answered as Universal Actions' error, never left as a 501", () => {
  it("answers 200 with application/vnd.microsoft.error and a message Teams shows under the card", async () => {
    await threeOnTheAgenda();
    h.store.cases.getCase = () => Promise.reject(new Error("Azure Tables is down"));
    const answer = await click(TWO, { [`${TWO}~outcome`]: "maam", [`${TWO}~note`]: "For the panel." });

    expect(answer).toMatchObject({
      statusCode: 500,
      type: "application/vnd.microsoft.error",
      value: { code: "BOT.ACTION_FAILED" },
    });
    expect(JSON.stringify(answer.value)).toContain("Please try again");
    expect(JSON.stringify(answer.value)).not.toContain("Azure Tables");
    expect(h.logLines.some((l) => l.includes("bot.action-failed"))).toBe(true);
  });
});

describe("the Action.Submit fallback, for clients without Universal Actions", () => {
  it("carries the verb on every button, and a submit decides as the invoke would, updating the card for everyone", async () => {
    await threeOnTheAgenda();
    const submitted = {
      ...clickData(TWO, { [`${TWO}~outcome`]: "maam", [`${TWO}~note`]: "For the panel." }),
      verb: "screening.decide",
    };
    const { status } = await post(h.messagesUrl, cardSubmit(h.connector.serviceUrl, dana, screeningChat, submitted));

    expect(status).toBe(200);
    expect(await decided(TWO)).toHaveLength(1);
    const update = await eventually(async () => {
      const put = h.connector.calls.find((c) => c.method === "PUT");
      expect(put).toBeDefined();
      return put;
    });
    expect(update?.activityId).toBe("agenda-message-1");
    expect(JSON.stringify(update?.activity)).toContain("Decided by Dana Duty");
  });

  it("answers a submit it cannot record with a reply saying why", async () => {
    await threeOnTheAgenda();
    const submitted = { ...clickData(ONE, {}), verb: "screening.decide" };
    await post(h.messagesUrl, cardSubmit(h.connector.serviceUrl, dana, screeningChat, submitted));

    const replies = h.connector.calls.filter((c) => c.method === "POST").map((c) => c.activity["text"]);
    expect(replies).toEqual([`Choose a decision for case ${ONE}, then record it.`]);
    expect(await decided(ONE)).toEqual([]);
  });
});
