import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AgendaResponse,
  CaseDetail,
  ComplianceReport,
  MeResponse,
  MutationResult,
  MyCasesResponse,
  PreAllocationResponse,
  TeamResponse,
  TriageResponse,
} from "../../../src/api/contract.js";
import { seedCases } from "../../../dev/builders/seed-cases.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

const NOW = "2026-03-02T10:00:00Z"; // a Monday, in working hours
let api: ApiHarness;
let caseIds: string[];

beforeAll(async () => {
  api = await startApiHarness({ now: NOW });
  caseIds = await seedCases(api.app.deps, {
    count: 40,
    newest: "2026-03-02T08:00:00Z",
    spreadDays: 400,
    workerIds: ["worker-1", "worker-2"],
  });
}, 60_000);
afterAll(() => api.close());

const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;
const errorCode = async (response: Response) => (await json<{ error: { code: string } }>(response)).error.code;

describe("who may use the API", () => {
  it("refuses a request without a token (401 AUTH.MISSING_TOKEN)", async () => {
    const response = await api.call(undefined, "/api/me");
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("AUTH.MISSING_TOKEN");
  });

  it("refuses someone signed in but not on the staff list (403)", async () => {
    const response = await api.call("stranger", "/api/me");
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("AUTH.NOT_ON_STAFF_LIST");
  });

  it("refuses a role that may not see the team's caseloads (403 AUTH.ROLE_REFUSED)", async () => {
    const response = await api.call("worker-1", "/api/team");
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("AUTH.ROLE_REFUSED");
  });

  it("tells the tab who is signed in, their roles, local mode and the profile's rules", async () => {
    const me = await json<MeResponse>(await api.call("duty-1", "/api/me"));
    expect(me).toMatchObject({ staffId: "duty-1", displayName: "Dana Duty", roles: ["duty-worker"], localMode: true });
    expect(me.profile.rules.find((r) => r.id === "1.2")?.citation.display).toContain("§1.2");
  });

  it("offers the user switcher and development tokens in local mode only", async () => {
    const users = await api.call(undefined, "/api/dev/users");
    expect(users.status).toBe(200);
    const production = await startApiHarness({ now: NOW, local: false });
    try {
      const token = await production.call(undefined, "/api/dev/token", {
        method: "POST",
        body: JSON.stringify({ staffId: "admin-1" }),
      });
      expect(token.status).toBe(404);
      expect((await production.call(undefined, "/api/dev/users")).status).toBe(404);
    } finally {
      await production.close();
    }
  });
});

describe("the views' first pages", () => {
  it("triage: contacts whose original referrer must be confirmed, their acknowledgement held until then (rule 1.2)", async () => {
    const triage = await json<TriageResponse>(await api.call("duty-1", "/api/triage"));
    expect(triage.items.map((i) => i.caseId).sort()).toEqual(["FC-2026-000020", "FC-2026-000040"]);
    expect(triage.items[0]).toMatchObject({ referrer: { confirmed: false }, acknowledgement: { status: "held" } });
    expect(triage.items[0]?.classification.reasons.length).toBeGreaterThan(0);
  });

  it("screening agenda: what awaits screening, with the profile's decision options", async () => {
    const agenda = await json<AgendaResponse>(await api.call("duty-1", "/api/agendas/screening"));
    expect(agenda.open.length).toBe(8); // slots 0 and 1 of every ten
    expect(agenda.options.map((o) => o.id)).toContain("maam");
    expect(agenda.date).toBe("2026-03-02");
  });

  it("pre-allocation list: each case with its weekly contact clock (rule 3.3)", async () => {
    const list = await json<PreAllocationResponse>(await api.call("duty-1", "/api/pre-allocation"));
    expect(list.items.length).toBe(4);
    expect(list.items.every((i) => i.contactClock?.ruleId === "3.3")).toBe(true);
  });

  it("my cases: the practitioner's own, red before amber before green", async () => {
    const mine = await json<MyCasesResponse>(await api.call("worker-1", "/api/my-cases"));
    const order = ["red", "amber", "green", "none"];
    const rags = mine.items.map((i) => order.indexOf(i.rag));
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.leadWorkerId === "worker-1")).toBe(true);
    expect(rags).toEqual([...rags].sort((a, b) => a - b));
  });

  it("team: caseloads against the limit, with an agreed limit overriding the profile's (rule 11.3)", async () => {
    const team = await json<TeamResponse>(await api.call("manager-1", "/api/team"));
    const kim = team.caseloads.find((c) => c.staffId === "worker-2");
    expect(kim).toMatchObject({ limit: 2, limitSource: "agreed", over: true });
    expect(team.overLimit).toContain("worker-2");
  });

  it("team: a worker's red clocks are their cases' running clocks whose first due instant has passed", async () => {
    const team = await json<TeamResponse>(await api.call("manager-1", "/api/team"));
    const mine = await json<MyCasesResponse>(await api.call("worker-1", "/api/my-cases"));
    expect(mine.continuation).toBeUndefined(); // every one of worker-1's cases is on this page
    const now = Date.parse(NOW);
    const red = mine.items
      .flatMap((c) => c.clocks)
      .filter((clock) => Date.parse(clock.expected?.at ?? clock.maximum?.at ?? NOW) < now).length;
    expect(red).toBeGreaterThan(0);
    expect(team.caseloads.find((c) => c.staffId === "worker-1")?.redClocks).toBe(red);
  });
});

describe("changing a case", () => {
  it("refuses a decision made from a stale view of the case (412), and records a fresh one in the audit trail", async () => {
    const caseId = "FC-2026-000001";
    const before = await json<CaseDetail>(await api.call("duty-1", `/api/cases/${caseId}`));
    const decide = (etag: string) =>
      api.call("duty-1", `/api/cases/${caseId}/decisions`, {
        method: "POST",
        headers: { "if-match": etag },
        body: JSON.stringify({ panel: "screening", outcome: "maam" }),
      });

    const stale = await decide(`${before.etag}x`);
    expect(stale.status).toBe(412);
    expect(await errorCode(stale)).toBe("API.STALE_ETAG");

    const done = await decide(before.etag);
    expect(done.status).toBe(200);
    const result = await json<MutationResult>(done);
    expect(result.state).toBe("awaiting-maam");
    const after = await json<CaseDetail>(await api.call("duty-1", `/api/cases/${caseId}`));
    expect(after.timeline.at(-1)).toMatchObject({
      type: "screening.decided",
      by: { id: "duty-1", displayName: "Dana Duty" },
    });
    const agenda = await json<AgendaResponse>(await api.call("duty-1", "/api/agendas/screening"));
    expect(agenda.decidedToday.map((d) => d.caseId)).toContain(caseId);
  });

  it("records a practitioner's initial contact as an audited event", async () => {
    const mine = await json<MyCasesResponse>(await api.call("worker-1", "/api/my-cases"));
    const target = mine.items.find((i) => i.state === "allocated" && i.clocks.some((c) => c.ruleId === "4.1a"));
    expect(target).toBeDefined();
    const response = await api.call("worker-1", `/api/cases/${target?.caseId}/events`, {
      method: "POST",
      headers: { "if-match": target?.etag ?? "" },
      body: JSON.stringify({ type: "initial-contact" }),
    });
    expect(response.status).toBe(200);
    const detail = await json<CaseDetail>(await api.call("worker-1", `/api/cases/${target?.caseId}`));
    expect(detail.timeline.at(-1)).toMatchObject({ type: "initial-contact.made", by: { id: "worker-1" } });
    expect(detail.clocks.find((c) => c.ruleId === "4.1a")?.status).toBe("met");
  });

  it("asks for the ETag read (428) rather than overwrite blindly", async () => {
    const response = await api.call("worker-1", `/api/cases/${caseIds[0]}/events`, {
      method: "POST",
      body: JSON.stringify({ type: "case-note", noteType: "case-note", note: "Phoned the family." }),
    });
    expect(response.status).toBe(428);
  });
});

describe("compliance", () => {
  it("counts each rule's clocks on time and late in the period, and long-open cases", async () => {
    const report = await json<ComplianceReport>(
      await api.call("manager-1", "/api/compliance?from=2025-01-01&to=2026-03-02"),
    );
    const initialContact = report.rules.find((r) => r.ruleId === "4.1a");
    expect(initialContact?.onTime).toBeGreaterThan(0);
    expect(report.longOpen.map((b) => b.months)).toEqual([3, 6, 9, 12]);
    expect(report.longOpen.find((b) => b.months === 12)?.cases.length).toBeGreaterThan(0);
    // Rule 11.4's bands, cut at London midnight 3, 6, 9 and 12 months before 2 March 2026, oldest first.
    const cuts = ["2025-12-02T00:00:00.000Z", "2025-09-01T23:00:00.000Z", "2025-06-01T23:00:00.000Z"];
    const bounds = [
      ["2025-09-01T23:00:00.000Z", cuts[0]],
      ["2025-06-01T23:00:00.000Z", cuts[1]],
      ["2025-03-02T00:00:00.000Z", cuts[2]],
      ["2000-01-01T00:00:00.000Z", "2025-03-02T00:00:00.000Z"],
    ];
    report.longOpen.forEach((band, i) => {
      const opened = band.cases.map((c) => c.openedAt);
      expect(opened).toEqual([...opened].sort());
      for (const at of opened) expect(at >= (bounds[i]?.[0] ?? "") && at < (bounds[i]?.[1] ?? "")).toBe(true);
    });
  });

  it("exports the same figures as CSV, one line per rule", async () => {
    const response = await api.call("manager-1", "/api/compliance?from=2025-01-01&to=2026-03-02&format=csv");
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "rule,name,citation,from,to,on_time,late,late_within_maximum,late_still_open,cancelled,late_unmet",
    );
    expect(lines.some((l) => l.startsWith("4.1a,"))).toBe(true);
  });
});
