import { describe, expect, it } from "vitest";
import { deliverTeamsOutbox } from "../../../src/jobs/deliver-teams-outbox.js";
import type { RenderCard } from "../../../src/ports/teams.js";
import { NOTICES_PARTITION } from "../../../src/jobs/job-deps.js";
import { createLogger } from "../../../src/logging/logger.js";
import { CONVERSATION_UNKNOWN, TeamsDeliveryError, type TeamsNotifier } from "../../../src/ports/teams.js";
import { type NewOutboxItem } from "../../../src/ports/outbox.js";
import { jobDeps } from "./job-fixtures.js";

type Card = Readonly<Record<string, unknown>>;

/** A Teams stand-in: records each post; conversations it was never installed in, and posts it should refuse. */
class FakeTeams implements TeamsNotifier {
  readonly posted: { conversation: string; card: Card }[] = [];
  failAt = new Set<number>();
  private attempts = 0;
  constructor(private readonly known = new Set(["screening", "duty", "user~w1"])) {}
  async post(conversation: string, card: Card) {
    if (!this.known.has(conversation)) {
      throw Object.assign(new Error(`No Teams conversation is stored for "${conversation}".`), {
        code: CONVERSATION_UNKNOWN,
      });
    }
    if (this.failAt.has(++this.attempts)) {
      throw new TeamsDeliveryError("TEAMS.UNAVAILABLE", "Teams answered 502.", 502, "BadGateway");
    }
    this.posted.push({ conversation, card });
    return { activityId: `activity-${this.posted.length}` };
  }
  async update() {}
}

const agenda: NewOutboxItem = {
  caseId: NOTICES_PARTITION,
  key: "agenda~screening~2026-12-01",
  channel: "teams",
  purpose: "agenda-screening",
  payload: { conversation: "screening" },
};
const threeParts: RenderCard = async (item) => [1, 2, 3].map((part) => ({ key: item.key, part }));

async function queued(item: NewOutboxItem = agenda) {
  const lines: string[] = [];
  const deps = { ...jobDeps(), logger: createLogger((line) => lines.push(line)) };
  await deps.outbox.enqueue(item, deps.clock.now());
  return { deps, lines, state: async () => (await deps.outbox.get(item.caseId, item.key))?.state };
}

describe("the Teams outbox posts each item once (issue 5 §5, §6)", () => {
  it("posts a long agenda's parts in order and marks it sent once the last is posted", async () => {
    const { deps, state } = await queued();
    const teams = new FakeTeams();

    const round = await deliverTeamsOutbox(deps, teams, threeParts);

    expect(round).toMatchObject({ sent: 1, failed: 0, held: 0 });
    expect(teams.posted.map((p) => [p.conversation, p.card["part"]])).toEqual([
      ["screening", 1],
      ["screening", 2],
      ["screening", 3],
    ]);
    expect(await state()).toBe("sent");
    expect(await deps.outbox.get(agenda.caseId, agenda.key)).toMatchObject({ sentItemId: "activity-3" });
  });

  it("after a failure at part 2, posts parts 2 and 3 once the item is due again, never part 1 again", async () => {
    const { deps, state } = await queued();
    const teams = new FakeTeams();
    teams.failAt.add(2);

    expect(await deliverTeamsOutbox(deps, teams, threeParts)).toMatchObject({ sent: 0, failed: 1 });
    expect(await state()).toBe("pending");
    expect(await deliverTeamsOutbox(deps, teams, threeParts)).toMatchObject({ sent: 0 });
    deps.clock.set("2026-12-01T09:32:00Z");
    expect(await deliverTeamsOutbox(deps, teams, threeParts)).toMatchObject({ sent: 1 });

    expect(teams.posted.map((p) => p.card["part"])).toEqual([1, 2, 3]);
    expect(await state()).toBe("sent");
  });

  it("holds an item whose chat no manager has chosen yet, says what to do, and does not try it again each round", async () => {
    const { deps, lines, state } = await queued({
      ...agenda,
      key: "agenda~maam~2026-12-01",
      purpose: "agenda-maam",
      payload: { conversation: "maam" },
    });
    const teams = new FakeTeams();
    let renders = 0;
    const render: RenderCard = async () => [{ n: ++renders }];

    expect(await deliverTeamsOutbox(deps, teams, render)).toMatchObject({ sent: 0, held: 1, failed: 0 });
    await deliverTeamsOutbox(deps, teams, render);

    expect(await state()).toBe("held");
    expect(renders).toBe(1);
    const held = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l["event"] === "teams-outbox.held");
    expect(held).toMatchObject({ conversation: "maam", level: "warn" });
    expect(String(held?.["reason"])).toContain('"use this chat for maam"');
    expect(lines.some((l) => l.includes('"level":"error"'))).toBe(false);
  });

  it("holds a personal nudge to someone who has not installed the app, naming no one", async () => {
    const { deps, lines, state } = await queued({
      caseId: "FC-2026-000001",
      key: "overdue~FC-2026-000001~1.2~1",
      channel: "teams",
      purpose: "overdue",
      payload: { conversation: "user~w9" },
    });

    await deliverTeamsOutbox(deps, new FakeTeams(), async () => [{ type: "AdaptiveCard" }]);

    expect(await state()).toBe("held");
    expect(lines.join("\n")).toContain("has not installed the Family Centre app");
  });

  it("marks a nudge done without posting when its clock stopped before it went out (nothing to render)", async () => {
    const { deps, state } = await queued();
    const teams = new FakeTeams();

    expect(await deliverTeamsOutbox(deps, teams, async () => [])).toMatchObject({ sent: 1 });

    expect(teams.posted).toEqual([]);
    expect(await state()).toBe("sent");
  });

  it("leaves an item another sender is posting alone, and reposts it only after that sender has had 10 minutes", async () => {
    const { deps } = await queued();
    const teams = new FakeTeams();
    const [item] = await deps.outbox.listPending(1, "teams");
    await deps.outbox.transition(item!, { to: "drafted", draftId: "posting" }, deps.clock.now());

    expect(await deliverTeamsOutbox(deps, teams, threeParts)).toMatchObject({ skipped: 1, sent: 0 });
    deps.clock.set("2026-12-01T09:40:01Z");
    expect(await deliverTeamsOutbox(deps, teams, threeParts)).toMatchObject({ sent: 1 });
    expect(teams.posted).toHaveLength(3);
  });
});
