import { afterEach, describe, expect, it } from "vitest";
import { NOTICES_PARTITION } from "../../../src/jobs/job-deps.js";
import { agendaKey } from "../../../src/jobs/agenda-plan.js";
import { message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";
import { teamsJobs, tick } from "./teams-jobs.js";

const manager: Sender = { id: "29:m", aadObjectId: "aad-manager", name: "Morgan Manager" };
const screeningChat: Place = { type: "groupChat", id: "19:screening@thread.v2" };

let h: BotHarness;
afterEach(async () => h.close());

describe("rule 2.1 each working day's screening agenda says its own day", () => {
  it("heads Tuesday's agenda 'Tue 13 Jan 2026' even when the Teams outbox posts it on Wednesday", async () => {
    h = await startBotHarness({ now: "2026-01-14T10:00:00Z" });
    await h.addStaff({ id: "aad-manager", displayName: "Morgan Manager", email: "m@x.example", roles: ["manager"] });
    await post(h.messagesUrl, message(h.connector.serviceUrl, manager, screeningChat, "use this chat for screening"));
    const posted = () => h.connector.calls.filter((c) => c.method === "POST" && c.conversationId === screeningChat.id);
    const before = posted().length;
    // Queued on Tuesday by the agendas job (src/jobs/post-agendas.ts), still pending on Wednesday.
    await h.store.outbox.enqueue(
      {
        caseId: NOTICES_PARTITION,
        key: agendaKey("screening", "2026-01-13"),
        channel: "teams",
        purpose: "agenda-screening",
        payload: {
          conversation: "screening",
          agenda: "screening",
          ruleId: "2.1",
          date: "2026-01-13",
          caseIds: [],
          items: [],
        },
      },
      new Date("2026-01-13T09:30:00Z"),
    );
    const scheduler = teamsJobs(h);
    await tick(scheduler);

    const late = posted()
      .slice(before)
      .map((c) => JSON.stringify(c.activity));
    expect(late.filter((json) => json.includes("Daily screening, Tue 13 Jan 2026"))).toHaveLength(1);
    // Wednesday's own agenda, queued by the same tick at 10:00, is the only one headed Wednesday.
    expect(late.filter((json) => json.includes("Daily screening, Wed 14 Jan 2026"))).toHaveLength(1);
  });
});
