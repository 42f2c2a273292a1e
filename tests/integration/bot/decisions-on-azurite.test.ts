import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createTableStore } from "../../../src/store/create-table-store.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { cardAction, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";

const chair: Sender = { id: "29:chair", aadObjectId: "aad-chair", name: "Chris Chair" };
const member: Sender = { id: "29:member", aadObjectId: "aad-member", name: "Mo Member" };
const maamChat: Place = { type: "groupChat", id: "19:maam@thread.v2" };
const CASE = "FC-2026-000201";

let h: BotHarness;
afterEach(async () => h.close());

describe("rule 3.1 MAAM decision on Azure Tables (Azurite)", () => {
  it("gives one decision and one outcome letter when two panel members click at once", async () => {
    const store = await createTableStore(inject("azuriteConnectionString"), {
      allowInsecureConnection: true,
      tablePrefix: `Bot${randomBytes(6).toString("hex")}`,
    });
    h = await startBotHarness({ store, now: "2026-01-20T14:00:00Z" });
    await h.addStaff({ id: "aad-chair", displayName: "Chris Chair", email: "c@x.example", roles: ["panel-member"] });
    await h.addStaff({ id: "aad-member", displayName: "Mo Member", email: "m@x.example", roles: ["panel-member"] });
    const kase = aCase()
      .withId(CASE)
      .receivedAt("2026-01-12T09:00:00Z")
      .referredBy({ name: "Priya Raman", email: "priya.raman@nhs.example", confirmed: true })
      .screenedAs("maam", { at: "2026-01-13T10:30:00Z" })
      .build();
    await h.addCase(kase);
    const click = (who: Sender, id: string) =>
      post(
        h.messagesUrl,
        cardAction(
          h.connector.serviceUrl,
          who,
          maamChat,
          "maam.decide",
          { caseId: CASE, [`${CASE}~outcome`]: "no-further-action", [`${CASE}~note`]: "Needs met elsewhere." },
          id,
        ),
      );
    const answers = await Promise.all([click(chair, "invoke-a"), click(member, "invoke-b")]);

    const events = (await store.cases.getCase(CASE)).case.events.filter((e) => e.type === "maam.decided");
    expect(events).toHaveLength(1);
    const decider = events[0]?.by.displayName ?? "nobody";
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).toContain(`Decided by ${decider}`);
    }
    const letters = (await store.outbox.listPending(50)).filter((i) => i.purpose === "maam-outcome");
    expect(letters).toHaveLength(1);
  });
});
