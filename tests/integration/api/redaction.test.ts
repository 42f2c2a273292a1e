import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { recordScreeningDecision } from "../../../src/app/record-decision.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { TABLE_NAMES } from "../../../src/store/store.js";
import type { AppHarness } from "../../support/app-harness.js";
import { allCases, staffActor } from "../app/app-assertions.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

let harness: ApiHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const DPO = {
  id: "dpo-1",
  displayName: "Dee Protection",
  email: "dpo@fc.example",
  roles: ["data-protection"],
} as const;
/** The referrer's name in eha-school-nurse.eml, then written into a screening note too. */
const TEXT = "Priya Raman";

/** Which of the harness's tables hold the text anywhere in any row, and how many rows. */
async function tablesHolding(app: AppHarness, text: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of TABLE_NAMES) {
    const rows = (await app.rawRows(table)).filter((row) => JSON.stringify(row).includes(text));
    if (rows.length > 0) found[table] = rows.length;
  }
  return found;
}

async function aCaseHolding(h: ApiHarness): Promise<string> {
  await h.app.store.staff.put(DPO.id, DPO);
  await h.app.deliverFixture("eha-school-nurse.eml");
  await syncInbox(h.app.deps, "test");
  await deliverOutbox(h.app.deps);
  const [stored] = await allCases(h.app);
  const caseId = stored?.case.id ?? "";
  await recordScreeningDecision(h.app.deps, caseId, staffActor("duty-worker"), {
    outcome: "maam",
    note: `Called ${TEXT} back about the assessment.`,
  });
  await deliverOutbox(h.app.deps);
  return caseId;
}

const redact = (h: ApiHarness, who: string, caseId: string, body: object) =>
  h.call(who, `/api/cases/${caseId}/redactions`, { method: "POST", body: JSON.stringify(body) });

describe("rectification and erasure (issue 16, item 3)", () => {
  it("leaves no copy of the redacted text in any table, and a redacted event says who, when and why without it", async () => {
    const h = (harness = await startApiHarness({ now: "2026-01-12T09:41:17Z" }));
    const caseId = await aCaseHolding(h);
    const before = await tablesHolding(h.app, TEXT);
    expect(Object.keys(before)).toEqual(["Cases"]);

    h.app.clock.set("2026-01-20T10:00:00Z");
    const reason = "Erasure request from the referrer, received 19 Jan 2026";
    const response = await redact(h, DPO.id, caseId, { text: TEXT, reason });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { mode: string; places: string[] };
    expect(result.mode).toBe("redacted");
    expect(result.places.length).toBeGreaterThan(0);

    expect(await tablesHolding(h.app, TEXT)).toEqual({});
    const stored = await h.app.deps.cases.getCase(caseId);
    expect(stored.case.events.at(-1)).toMatchObject({
      type: "redacted",
      at: "2026-01-20T10:00:00.000Z",
      by: { kind: "staff", id: DPO.id },
      data: { mode: "redacted", reason },
    });
    expect(JSON.stringify(stored)).toContain("[redacted]");
    const audit = await h.app.deps.audit.read({ from: "2026-01-01", to: "2026-12-31" });
    expect(audit.filter((event) => event.action === "case.redacted")).toHaveLength(1);
  });

  it("takes an address out of the outbox's items as well as the case", async () => {
    const h = (harness = await startApiHarness({ now: "2026-01-12T09:41:17Z" }));
    const caseId = await aCaseHolding(h);
    const address = "priya.raman@nhs.example";
    // Payloads hold ids and codes today; one that quoted a person (a held message's text) must be scrubbed too.
    await h.app.deps.outbox.enqueue(
      { caseId, key: `${caseId}~held-note`, channel: "teams", purpose: "test", payload: { text: `Ask ${address}` } },
      h.app.clock.now(),
    );
    expect(Object.keys(await tablesHolding(h.app, address))).toEqual(expect.arrayContaining(["Cases", "Outbox"]));
    const response = await redact(h, DPO.id, caseId, { text: address, reason: "Erasure request" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { places: string[] }).places.some((p) => p.startsWith("outbox "))).toBe(true);
    expect(await tablesHolding(h.app, address)).toEqual({});
  });

  it("corrects a text everywhere it is held, with the correction in its place", async () => {
    const h = (harness = await startApiHarness({ now: "2026-01-12T09:41:17Z" }));
    const caseId = await aCaseHolding(h);
    const response = await redact(h, DPO.id, caseId, {
      text: TEXT,
      correction: "Priya Ramanathan",
      reason: "The referrer's name was misspelt",
    });
    expect(response.status).toBe(200);
    const stored = await h.app.deps.cases.getCase(caseId);
    expect(stored.case.referrer?.name ?? stored.contacts[0]?.referrer?.name).toBe("Priya Ramanathan");
    expect(stored.case.events.at(-1)).toMatchObject({ type: "redacted", data: { mode: "corrected" } });
  });

  it("is the data protection role's alone, refuses a reason quoting the text, and changes nothing then", async () => {
    const h = (harness = await startApiHarness({ now: "2026-01-12T09:41:17Z" }));
    const caseId = await aCaseHolding(h);
    const before = await tablesHolding(h.app, TEXT);
    expect((await redact(h, "manager-1", caseId, { text: TEXT, reason: "asked" })).status).toBe(403);
    expect((await redact(h, "admin-1", caseId, { text: TEXT, reason: "asked" })).status).toBe(403);
    const quoting = await redact(h, DPO.id, caseId, { text: TEXT, reason: `${TEXT} asked` });
    expect(quoting.status).toBe(400);
    const missing = await redact(h, DPO.id, caseId, { text: "Not In This Case", reason: "asked" });
    expect(missing.status).toBe(404);
    expect(await tablesHolding(h.app, TEXT)).toEqual(before);
  });
});
