import { afterEach, describe, expect, it } from "vitest";
import { message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import { startBotHarness, type BotHarness } from "./bot-harness.js";
import { teamsJobs, tick } from "./teams-jobs.js";
import { cardText } from "../../support/adaptive-card.js";

const manager: Sender = { id: "29:m", aadObjectId: "aad-manager", name: "Morgan Manager" };
const dutyChat: Place = { type: "groupChat", id: "19:duty@thread.v2" };

let h: BotHarness;
afterEach(async () => h.close());

describe("rule 1.3 a quarantined email reaches the duty chat", () => {
  it("posts the inbox round's quarantine notice to the duty chat once, with no content of the email", async () => {
    h = await startBotHarness({ now: "2026-01-13T10:30:00Z" });
    await h.addStaff({ id: "aad-manager", displayName: "Morgan Manager", email: "m@x.example", roles: ["manager"] });
    await post(h.messagesUrl, message(h.connector.serviceUrl, manager, dutyChat, "use this chat for duty", "msg-1"));
    // As src/app/sync-inbox.ts queues it after the third failed round.
    await h.store.outbox.enqueue(
      {
        caseId: "intake",
        key: "quarantine~AAMkAGI2-poison",
        channel: "teams",
        purpose: "quarantine",
        payload: {
          conversation: "duty",
          messageId: "AAMkAGI2-poison",
          receivedAt: "2026-01-13T09:58:00Z",
          reason: "GRAPH.MALFORMED_MESSAGE",
          attempts: 3,
        },
      },
      new Date("2026-01-13T10:30:00Z"),
    );
    const scheduler = teamsJobs(h);
    await tick(scheduler);
    await tick(scheduler);

    const notices = h.connector.calls
      .filter((c) => c.method === "POST" && c.conversationId === dutyChat.id)
      .map((c) => cardText(c.activity))
      .filter((json) => json.includes("An email could not be logged"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("GRAPH.MALFORMED_MESSAGE");
    expect(notices[0]).toContain("Tue 13 Jan 2026, 09:58");
    expect(await h.store.outbox.listPending(10, "teams")).toEqual([]);
  });
});
