import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDetail, MeResponse, MyCasesResponse } from "../../../src/api/contract.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import { seedCases } from "../../../dev/builders/seed-cases.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

const NOW = "2026-03-02T10:00:00Z"; // a Monday, in working hours
let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness({ now: NOW });
  await seedCases(api.app.deps, {
    count: 12,
    newest: "2026-03-02T08:00:00Z",
    spreadDays: 200,
    workerIds: ["worker-1"],
  });
}, 60_000);
afterAll(() => api.close());

const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

describe("rule 8.2 closure-ready checklist, as the tab builds its closure form", () => {
  it("is on /api/me as the profile lists it: every item's id and label", async () => {
    const me = await json<MeResponse>(await api.call("worker-1", "/api/me"));
    const rule = loadProfile("family-solutions").rules.find((r) => r.id === "8.2");
    const items = rule?.kind === "check" ? rule.items : [];
    expect(items.length).toBeGreaterThan(0);
    expect(me.profile.closureChecklist).toEqual(items.map(({ id, label }) => ({ id, label })));
  });

  it("refuses a closure request missing an item (naming it) and accepts one with every item ticked", async () => {
    const me = await json<MeResponse>(await api.call("worker-1", "/api/me"));
    const mine = await json<MyCasesResponse>(await api.call("worker-1", "/api/my-cases"));
    const target = mine.items.find((i) => i.state === "allocated");
    expect(target).toBeDefined();
    const request = (checklist: Record<string, boolean>, etag: string) =>
      api.call("worker-1", `/api/cases/${target?.caseId}/events`, {
        method: "POST",
        headers: { "if-match": etag },
        body: JSON.stringify({ type: "closure-request", checklist, summary: "Plan outcomes met; family agree." }),
      });
    const [first, ...rest] = me.profile.closureChecklist;
    const refused = await request(Object.fromEntries(rest.map((i) => [i.id, true])), target?.etag ?? "");
    expect(refused.status).toBe(409);
    expect(JSON.stringify(await refused.json())).toContain(first?.label);

    const all = Object.fromEntries(me.profile.closureChecklist.map((i) => [i.id, true]));
    const accepted = await request(all, target?.etag ?? "");
    expect(accepted.status).toBe(200);
    const detail = await json<CaseDetail>(await api.call("worker-1", `/api/cases/${target?.caseId}`));
    expect(detail.case.state).toBe("closure-requested");
  });
});
