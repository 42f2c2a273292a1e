import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aCase } from "../../../dev/builders/case-builder.js";
import { reindexCase } from "../../../src/app/reindex-case.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

// Issue 16: a legal hold (a manager's) and a redaction (the data protection role's) are case actions on the tab's
// case page, taken through the same use cases as their own routes.

const CASE = "FC-2026-000601";
const DPO = {
  id: "dpo-1",
  displayName: "Dee Protection",
  email: "dpo@fc.example",
  roles: ["data-protection"],
} as const;
const NOTE = "Tomasz Nowak struggles at school";

let h: ApiHarness;
beforeEach(async () => {
  h = await startApiHarness({ now: "2026-03-02T10:00:00Z" });
  await h.app.store.staff.put(DPO.id, DPO);
  const kase = aCase().withId(CASE).receivedAt("2026-03-02T08:00:00Z").screenedAs("maam", { note: NOTE }).build();
  await h.app.deps.cases.create(kase, kase.events, []);
  await reindexCase(h.app.deps, kase, h.app.deps.clock.now());
});
afterEach(() => h.close());

const actionIds = async (who: string): Promise<string[]> => {
  const response = await h.call(who, `/api/cases/${CASE}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { actions: { id: string }[] }).actions.map((a) => a.id);
};

const take = async (who: string, actionId: string, body: Record<string, unknown>) => {
  const etag = (await h.call(who, `/api/cases/${CASE}`)).headers.get("etag") ?? "";
  return h.call(who, `/api/cases/${CASE}/actions/${actionId}`, {
    method: "POST",
    headers: { "if-match": etag, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
};

describe("data protection on the case page", () => {
  it("offers a legal hold to a manager and a redaction to the data protection officer, and neither to others", async () => {
    expect(await actionIds("manager-1")).toContain("place-legal-hold");
    expect(await actionIds("manager-1")).not.toContain("redact-text");
    expect(await actionIds(DPO.id)).toContain("redact-text");
    expect(await actionIds(DPO.id)).not.toContain("place-legal-hold");
    for (const who of ["duty-1", "panel-1"]) {
      const ids = await actionIds(who);
      expect(ids.filter((id) => ["place-legal-hold", "lift-legal-hold", "redact-text"].includes(id))).toEqual([]);
    }
  });

  it("places and lifts a legal hold through the legal hold use case, audited from the API", async () => {
    expect((await take("manager-1", "place-legal-hold", { reason: "Complaint in progress" })).status).toBe(200);
    expect((await h.app.deps.cases.getCase(CASE)).case.events.at(-1)).toMatchObject({
      type: "legal-hold.placed",
      data: { reason: "Complaint in progress" },
    });
    expect(await actionIds("manager-1")).toContain("lift-legal-hold");
    expect((await take("manager-1", "lift-legal-hold", { reason: "Complaint closed" })).status).toBe(200);
    const audit = await h.app.deps.audit.read({ from: "2026-03-02", to: "2026-03-02", caseId: CASE });
    expect(audit.filter((e) => e.action.startsWith("case.legal-hold")).map((e) => [e.action, e.via])).toEqual([
      ["case.legal-hold-placed", "api"],
      ["case.legal-hold-lifted", "api"],
    ]);
  });

  it("redacts a text through the redaction use case, and refuses a role that may not", async () => {
    const refused = await take("manager-1", "redact-text", { text: "Tomasz Nowak", reason: "SAR of 1 March" });
    expect(refused.status).toBe(403);
    expect(
      (await take(DPO.id, "redact-text", { text: "Tomasz Nowak", reason: "Erasure request of 1 March" })).status,
    ).toBe(200);
    const stored = await h.app.deps.cases.getCase(CASE);
    expect(JSON.stringify(stored)).not.toContain("Tomasz Nowak");
    expect(stored.case.events.at(-1)).toMatchObject({ type: "redacted", by: { id: DPO.id } });
  });
});
