import { describe, expect, it } from "vitest";
import { tallyTeams } from "../../../../bench/chaos/teams-tally.js";
import type { ConnectorCall } from "../../../../dev/teams/fake-connector.js";

const CHATS = { "chat-s": "screening", "chat-d": "duty" };
const card = (heading: string, caseIds: readonly string[]) => ({
  type: "AdaptiveCard",
  body: [{ type: "TextBlock", text: heading }, ...caseIds.map((id) => ({ type: "TextBlock", text: `Case ${id}` }))],
});
const post = (
  conversationId: string,
  heading: string,
  method: "POST" | "PUT" = "POST",
  caseIds: readonly string[] = ["FC-2026-000001"],
): ConnectorCall => ({
  method,
  conversationId,
  activity: {
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card(heading, caseIds) }],
  },
});

describe("counting agendas and digests from what Teams received", () => {
  it("counts each day's screening agenda once, however many parts it was split into (rule 2.1)", () => {
    const tally = tallyTeams(
      [
        post("chat-s", "Daily screening, Tue 24 Nov 2026 (part 1 of 2)"),
        post("chat-s", "Daily screening, Tue 24 Nov 2026 (part 2 of 2)"),
        post("chat-s", "Daily screening, Wed 25 Nov 2026"),
      ],
      CHATS,
    );
    expect(tally.agendasPerDay).toEqual({ "Tue 24 Nov 2026": { screening: 1 }, "Wed 25 Nov 2026": { screening: 1 } });
    expect(tally.jobsRunTwice).toBe(0);
  });

  it("counts the duty digest per day and flags a digest posted twice as a job run twice", () => {
    const digest = "Good morning duty team: your clocks for Tue 24 Nov 2026";
    const tally = tallyTeams([post("chat-d", digest), post("chat-d", digest)], CHATS);
    expect(tally.digestsPerDay).toEqual({ "Tue 24 Nov 2026": { duty: 2 } });
    expect(tally.jobsRunTwice).toBe(1);
  });

  it("counts a digest in parts once a day, by its first part", () => {
    const part = (n: number) => `Good morning duty team: your clocks for Tue 24 Nov 2026 (part ${n} of 2)`;
    const tally = tallyTeams([post("chat-d", part(1)), post("chat-d", part(2))], CHATS);
    expect(tally.digestsPerDay).toEqual({ "Tue 24 Nov 2026": { duty: 1 } });
    expect(tally.jobsRunTwice).toBe(0);
  });

  it("does not take a past day's agenda posted late (headed with today's date) for today's agenda posted twice", () => {
    const today = "Daily screening, Thu 26 Nov 2026";
    const tally = tallyTeams(
      [
        post("chat-s", today, "POST", ["FC-2026-000001"]),
        post("chat-s", today, "POST", ["FC-2026-000001", "FC-2026-000002"]),
      ],
      CHATS,
    );
    expect(tally.jobsRunTwice).toBe(0);
    expect(tally.agendasPerDay).toEqual({ "Thu 26 Nov 2026": { screening: 2 } });
  });

  it("flags an agenda part posted twice, and ignores card refreshes (PUT) and other cards", () => {
    const part = "Daily screening, Tue 24 Nov 2026 (part 2 of 3)";
    const tally = tallyTeams(
      [
        post("chat-s", part),
        post("chat-s", part),
        post("chat-s", "Daily screening, Tue 24 Nov 2026 (part 1 of 3)", "PUT"),
        post("chat-d", "New contact: Request for Support"),
      ],
      CHATS,
    );
    expect(tally.jobsRunTwice).toBe(1);
    expect(tally.agendasPerDay).toEqual({});
    expect(tally.posted).toBe(3);
  });
});
