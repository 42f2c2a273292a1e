import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeldTeamsMessagesResponse } from "../../../src/api/contract.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

/** Issue 20: Teams messages the bot could not send are held for a person, who sees them where duty workers look. */
const NOW = "2026-01-12T09:41:17Z";
let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness({ now: NOW });
  const { outbox } = api.app.store;
  const now = api.app.clock.now();
  await outbox.enqueue(
    {
      caseId: "~notices",
      key: "digest~worker-1~2026-01-12",
      channel: "teams",
      purpose: "digest",
      payload: { conversation: "user~worker-1", date: "2026-01-12" },
    },
    now,
  );
  const [digest] = await outbox.listPending(10, "teams");
  await outbox.transition(digest!, { to: "held", reason: "Teams answered 403 MessageWritesBlocked." }, now);
  await outbox.enqueue(
    {
      caseId: "FC-2026-000042",
      key: "FC-2026-000042~triage~c1",
      channel: "teams",
      purpose: "triage",
      payload: { conversation: "duty" },
      held: true,
    },
    now,
  );
}, 60_000);
afterAll(() => api.close());

const held = async (who = "duty-1") =>
  (await (await api.call(who, "/api/teams-messages/held")).json()) as HeldTeamsMessagesResponse;
const retry = (body: unknown, who = "duty-1") =>
  api.call(who, "/api/teams-messages/held/retry", { method: "POST", body: JSON.stringify(body) });

describe("the Teams messages held, on the duty worker's triage page", () => {
  it("lists each with what it is, whom it was for, the case, and why, naming a colleague but nothing of a family", async () => {
    const { items } = await held();
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          what: "Morning digest",
          to: "Pat Practitioner's personal chat",
          reason: "Teams answered 403 MessageWritesBlocked.",
        }),
        expect.objectContaining({ what: "Triage card", to: "the duty chat", caseId: "FC-2026-000042" }),
      ]),
    );
  });

  it("is for duty workers and managers only", async () => {
    expect((await api.call("worker-1", "/api/teams-messages/held")).status).toBe(403);
  });

  it("puts one back on the queue, once; a second try is refused as no longer held", async () => {
    const triage = (await held()).items.find((i) => i.what === "Triage card");
    const first = await retry({ partition: triage?.partition, key: triage?.key });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ released: true });
    expect((await api.app.store.outbox.get("FC-2026-000042", "FC-2026-000042~triage~c1"))?.state).toBe("pending");

    const again = await retry({ partition: triage?.partition, key: triage?.key });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "TEAMS_OUTBOX.NOT_HELD" } });
    expect((await retry({ partition: "~notices", key: "nothing" })).status).toBe(404);
    expect((await retry({ partition: "~notices" })).status).toBe(400);
  });
});
