import { afterEach, describe, expect, it } from "vitest";
import type { AdaptiveCardJson } from "../../../bot/cards/card-json.js";
import { cardProblems, executeActions } from "../../support/adaptive-card.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { eventually } from "../../support/local-stack.js";
import { recordScreeningDecision } from "../../../src/app/record-decision.js";
import { type Decider } from "../../../src/app/decider.js";
import { cardAction, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";

const dana: Sender = { id: "29:dana", aadObjectId: "aad-dana", name: "Dana Duty" };
const sam: Sender = { id: "29:sam", aadObjectId: "aad-sam", name: "Sam Second" };
const pat: Sender = { id: "29:pat", aadObjectId: "aad-pat", name: "Pat Practitioner" };
const samInTheTab: Decider = {
  actor: { kind: "staff", id: "aad-sam", displayName: "Sam Second" },
  roles: ["duty-worker"],
};
const screeningChat: Place = { type: "groupChat", id: "19:screening@thread.v2" };
const CASE = "FC-2026-000101";

let h: BotHarness;
afterEach(async () => h.close());

async function setUp(): Promise<BotHarness> {
  h = await startBotHarness({ now: "2026-01-13T10:30:00Z" });
  await h.addStaff({ id: "aad-dana", displayName: "Dana Duty", email: "d@x.example", roles: ["duty-worker"] });
  await h.addStaff({ id: "aad-sam", displayName: "Sam Second", email: "s@x.example", roles: ["duty-worker"] });
  await h.addStaff({ id: "aad-pat", displayName: "Pat Practitioner", email: "p@x.example", roles: ["practitioner"] });
  const kase = aCase()
    .withId(CASE)
    .receivedAt("2026-01-12T09:00:00Z")
    .referredBy({ name: "Priya Raman", email: "priya.raman@nhs.example", confirmed: true })
    .build();
  await h.addCase({ ...kase, family: { name: "Bloggs" } });
  return h;
}

const decideMaam = (who: Sender, id = "invoke-1") =>
  cardAction(
    h.connector.serviceUrl,
    who,
    screeningChat,
    "screening.decide",
    {
      caseId: CASE,
      [`${CASE}~outcome`]: "maam",
      [`${CASE}~note`]: "Needs a multi-agency look.",
    },
    id,
  );

interface InvokeBody {
  statusCode: number;
  type: string;
  value: AdaptiveCardJson;
}

async function click(who: Sender, id?: string): Promise<InvokeBody> {
  const { status, body } = await post(h.messagesUrl, decideMaam(who, id));
  expect(status).toBe(200);
  return body as InvokeBody;
}

const decisions = async () =>
  (await h.store.cases.getCase(CASE)).case.events.filter((e) => e.type === "screening.decided");
const letters = async () => (await h.store.outbox.listPending(50)).filter((i) => i.purpose === "screening-outcome");

describe("rule 2.1 screening decision from the agenda card", () => {
  it("records the decision with its decider, queues the 2.2 outcome letter and redraws the card for everyone", async () => {
    await setUp();
    const answer = await click(dana);
    expect(answer.statusCode).toBe(200);
    expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardProblems(answer.value)).toEqual([]);
    expect(JSON.stringify(answer.value)).toContain("Decided by Dana Duty at Tue 13 Jan 2026, 10:30");
    expect(JSON.stringify(answer.value)).not.toContain("Bloggs");

    const [decided, ...more] = await decisions();
    expect(more).toEqual([]);
    expect(decided).toMatchObject({ by: { id: "aad-dana", displayName: "Dana Duty" }, data: { outcome: "maam" } });
    expect((await h.store.cases.getCase(CASE)).case.state).toBe("awaiting-maam");
    expect(await letters()).toHaveLength(1);

    // Everyone else's card is updated after the answer, without keeping the person who clicked waiting.
    const update = await eventually(async () => {
      const put = h.connector.calls.find((c) => c.method === "PUT");
      expect(put).toBeDefined();
      return put;
    });
    expect(update).toMatchObject({ conversationId: screeningChat.id, activityId: "agenda-message-1" });
    expect(JSON.stringify(update?.activity)).toContain("Decided by Dana Duty");
    expect(h.logLines.filter((l) => l.includes("bot.card-updated"))).toHaveLength(1);
  });

  it("writes the decided case's worklists after the answer, and leaves no projection mark once they are written", async () => {
    await setUp();
    await click(dana);
    const listed = async (list: "awaiting-screening" | "maam") =>
      (await h.store.worklists.list(list)).items.map((i) => i.caseId);
    await eventually(async () => {
      expect(await listed("maam")).toEqual([CASE]);
      expect(await h.store.projections.due(10)).toEqual([]);
    });
    expect(await listed("awaiting-screening")).toEqual([]);
  });

  it("leaves the case marked for the projector when its worklists cannot be written after the answer", async () => {
    const store = createMemoryStore();
    h = await startBotHarness({ now: "2026-01-13T10:30:00Z", store });
    await h.addStaff({ id: "aad-dana", displayName: "Dana Duty", email: "d@x.example", roles: ["duty-worker"] });
    await h.addCase({ ...aCase().withId(CASE).receivedAt("2026-01-12T09:00:00Z").build(), family: { name: "Bloggs" } });
    store.worklists.sync = () => Promise.reject(new Error("Worklists unavailable"));
    const answer = await click(dana);
    expect(JSON.stringify(answer.value)).toContain("Decided by Dana Duty");
    await eventually(async () => expect(h.logLines.some((l) => l.includes("bot.projection-failed"))).toBe(true));
    expect(await h.store.projections.due(10)).toMatchObject([{ caseId: CASE }]);
  });

  it("answers a second click with who decided, for that person only: the shared card is updated once", async () => {
    await setUp();
    await click(dana, "invoke-a");
    await eventually(async () => expect(h.connector.calls.filter((c) => c.method === "PUT")).toHaveLength(1));
    const second = await click(sam, "invoke-b");
    expect(JSON.stringify(second.value)).toContain("Decided by Dana Duty");
    expect(JSON.stringify(second.value)).not.toContain("Record decision");
    await new Promise((r) => setTimeout(r, 300));
    expect(h.connector.calls.filter((c) => c.method === "PUT")).toHaveLength(1);
    expect(await decisions()).toHaveLength(1);
  });

  it("redraws the other items from what it built in the last minute; a change made elsewhere shows after that", async () => {
    await setUp();
    const other = "FC-2026-000102";
    await h.addCase(aCase().withId(other).receivedAt("2026-01-12T11:00:00Z").build());
    const clickOn = (caseId: string, id: string) =>
      post(
        h.messagesUrl,
        cardAction(
          h.connector.serviceUrl,
          dana,
          screeningChat,
          "screening.decide",
          { caseId, agendaCaseIds: [CASE, other], [`${caseId}~outcome`]: "maam", [`${caseId}~note`]: "Panel." },
          id,
        ),
      ).then(({ body }) => (body as InvokeBody).value);
    await clickOn(CASE, "invoke-1");
    // Decided in the tab, not through this card.
    await recordScreeningDecision(h.deps.app, other, samInTheTab, { outcome: "maam", note: "Panel." });
    const soon = await clickOn(CASE, "invoke-2");
    expect(executeActions(soon).map((a) => a.data.caseId)).toEqual([other]);
    h.clock.advance(61_000);
    const later = await clickOn(CASE, "invoke-3");
    expect(executeActions(later)).toEqual([]);
  });

  it("records once when Teams retries the same invoke, and the retry's card says who decided", async () => {
    await setUp();
    await click(dana, "invoke-1");
    const retry = await click(dana, "invoke-1");
    expect(JSON.stringify(retry.value)).toContain("Decided by Dana Duty");
    expect(await decisions()).toHaveLength(1);
    expect(await letters()).toHaveLength(1);
  });

  it("gives one decision when two people click at once, and both cards say who made it", async () => {
    await setUp();
    const [first, second] = await Promise.all([click(dana, "invoke-a"), click(sam, "invoke-b")]);
    const [decided, ...more] = await decisions();
    expect(more).toEqual([]);
    const decider = decided?.by.displayName ?? "nobody";
    expect(JSON.stringify(first?.value)).toContain(`Decided by ${decider}`);
    expect(JSON.stringify(second?.value)).toContain(`Decided by ${decider}`);
    expect(await letters()).toHaveLength(1);
    expect(h.logLines.filter((l) => l.includes("bot.decision-already-made"))).toHaveLength(1);
    await eventually(async () => expect(h.connector.calls.filter((c) => c.method === "PUT")).toHaveLength(1));
  });

  it("refuses a practitioner in words under the card, records nothing and leaves the agenda as it was", async () => {
    await setUp();
    const answer = await click(pat);
    expect(answer.type).toBe("application/vnd.microsoft.activity.message");
    expect(answer.value).toContain("Only a duty worker or a manager can record a screening decision");
    expect(await decisions()).toEqual([]);
    expect(await letters()).toEqual([]);
    expect(h.connector.calls.filter((c) => c.method === "PUT")).toEqual([]);
  });

  it("redraws every item the card showed: the decided one with its decider, the others still open", async () => {
    await setUp();
    await h.addCase(aCase().withId("FC-2026-000102").build());
    const { body } = await post(
      h.messagesUrl,
      cardAction(h.connector.serviceUrl, dana, screeningChat, "screening.decide", {
        caseId: CASE,
        [`${CASE}~outcome`]: "maam",
        "FC-2026-000102~outcome": "",
      }),
    );
    const card = (body as InvokeBody).value;
    expect(JSON.stringify(card)).toContain("Decided by Dana Duty");
    expect(executeActions(card).map((a) => a.data.caseId)).toEqual(["FC-2026-000102"]);
  });

  it("logs ids and codes only: no names, emails or notes", async () => {
    await setUp();
    await click(dana);
    await click(sam);
    const logs = h.logLines.join("\n");
    expect(logs).toContain(CASE);
    for (const personal of ["Dana", "Sam", "Priya", "priya.raman", "Bloggs", "multi-agency"]) {
      expect(logs).not.toContain(personal);
    }
  });
});
