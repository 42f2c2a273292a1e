import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditTrailResponse } from "../../../src/api/contract.js";
import { reindexCase } from "../../../src/app/reindex-case.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

// Issue 16, item 4: `GET /api/audit` reads the access audit back, for the data protection role only.

const CASE = "FC-2026-000301";
const OTHER = "FC-2026-000302";
const DPO = {
  id: "dpo-1",
  displayName: "Dee Protection",
  email: "dpo@fc.example",
  roles: ["data-protection"],
} as const;

let h: ApiHarness;
beforeEach(async () => {
  h = await startApiHarness({ now: "2026-03-02T10:00:00Z" });
  await h.app.store.staff.put(DPO.id, DPO);
  for (const id of [CASE, OTHER]) {
    const kase = aCase().withId(id).receivedAt("2026-03-02T08:00:00Z").build();
    await h.app.deps.cases.create(kase, kase.events, []);
    await reindexCase(h.app.deps, kase, h.app.deps.clock.now());
  }
});
afterEach(() => h.close());

const trail = async (query: string): Promise<AuditTrailResponse> => {
  const response = await h.call(DPO.id, `/api/audit${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as AuditTrailResponse;
};

describe("GET /api/audit", () => {
  it("lists who read which case and when, narrowed by case and by actor", async () => {
    expect((await h.call("duty-1", `/api/cases/${CASE}`)).status).toBe(200);
    expect((await h.call("manager-1", `/api/cases/${OTHER}`)).status).toBe(200);

    expect((await trail(`?caseId=${CASE}`)).items).toEqual([
      { at: "2026-03-02T10:00:00.000Z", actor: "duty-1", action: "case.read", caseId: CASE },
    ]);
    expect((await trail("?actor=manager-1&from=2026-03-01&to=2026-03-02")).items).toEqual([
      { at: "2026-03-02T10:00:00.000Z", actor: "manager-1", action: "case.read", caseId: OTHER },
    ]);
    expect((await trail("?from=2026-02-01&to=2026-02-28")).items).toEqual([]);
  });

  it("audits its own reading, by the filters only", async () => {
    await trail(`?caseId=${CASE}`);
    const seen = await trail("?actor=dpo-1");
    expect(seen.items).toEqual([{ at: "2026-03-02T10:00:00.000Z", actor: "dpo-1", action: "audit.read" }]);
  });

  it("is for the data protection role only", async () => {
    for (const who of ["manager-1", "admin-1", "duty-1", "worker-1", "panel-1"]) {
      expect((await h.call(who, "/api/audit")).status).toBe(403);
    }
  });

  it("refuses a period it cannot read (400 DATA_PROTECTION.BAD_PERIOD)", async () => {
    for (const query of ["?from=2026-03-05&to=2026-03-01", "?from=2024-01-01&to=2026-03-01", "?to=yesterday"]) {
      const response = await h.call(DPO.id, `/api/audit${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("DATA_PROTECTION.BAD_PERIOD");
    }
  });
});
