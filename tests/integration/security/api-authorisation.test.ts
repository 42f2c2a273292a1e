import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SettingsResponse, StaffView } from "../../../src/api/contract.js";
import { reindexCase } from "../../../src/app/reindex-case.js";
import type { AuditEvent } from "../../../src/ports/audit.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { startApiHarness, type ApiHarness } from "../api/api-harness.js";

// Issue 15 §5: every route needs a role, not just a staff row; a case is read only by who needs to know it; an
// admin cannot change their own roles; staff can be deactivated; reads, exports and staff and settings changes
// are audited.

const NOW = "2026-03-02T10:00:00Z";
const ALLOCATED = "FC-2026-000501"; // led by worker-1
const WAITING = "FC-2026-000502"; // awaiting screening: on the screening agenda
let api: ApiHarness;
let audited: AuditEvent[];

beforeAll(async () => {
  api = await startApiHarness({ now: NOW });
  const deps = api.app.deps;
  for (const kase of [
    aCase()
      .withId(ALLOCATED)
      .receivedAt("2026-02-02T09:00:00Z")
      .allocatedOn("2026-02-03T10:00:00Z", "worker-1")
      .build(),
    aCase().withId(WAITING).receivedAt("2026-03-02T08:00:00Z").build(),
  ]) {
    await deps.cases.create(kase, kase.events, []);
    await reindexCase(deps, kase, deps.clock.now());
  }
  const extra = [
    { id: "no-roles", displayName: "Nora Noroles", email: "nora@fc.example", roles: [] },
    { id: "reader-admin", displayName: "Rae Reader", email: "rae@fc.example", roles: ["admin", "all-cases-reader"] },
    { id: "admin-2", displayName: "Ash Admin", email: "ash@fc.example", roles: ["admin"] },
  ];
  for (const member of extra) await api.app.store.staff.put(member.id, member);
  audited = [];
  const append = deps.audit.append.bind(deps.audit);
  vi.spyOn(deps.audit, "append").mockImplementation(async (event) => {
    audited.push(event);
    await append(event);
  });
}, 60_000);
afterAll(() => api.close());

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
const send = (method: string, body: unknown = {}, etag = '"x"') => ({
  method,
  headers: { "if-match": etag, "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** Every route of the tab's API, as the tab calls it. */
const ROUTES: readonly (readonly [string, RequestInit?])[] = [
  ["/api/me"],
  ["/api/triage"],
  ["/api/agendas/screening"],
  ["/api/pre-allocation"],
  ["/api/my-cases"],
  [`/api/cases/${WAITING}`],
  ["/api/staff"],
  ["/api/accessibility"],
  ["/api/search?q=FC-2026"],
  ["/api/team"],
  ["/api/compliance?from=2026-02-01&to=2026-02-28"],
  ["/api/mail/lookup?internetMessageId=%3Cx%40y%3E"],
  ["/api/mail/log", send("POST", { messageId: "m" })],
  ["/api/mail/link", send("POST", { messageId: "m", caseId: WAITING })],
  [`/api/cases/${WAITING}/decisions`, send("POST", { panel: "screening", outcome: "nfa" })],
  [`/api/cases/${WAITING}/events`, send("POST", { type: "initial-contact" })],
  [`/api/cases/${WAITING}/referrer`, send("POST", { contactId: "c" })],
  ["/api/settings"],
  ["/api/settings", send("PUT", {})],
  ["/api/settings/bank-holidays", send("POST", {})],
  ["/api/staff/worker-2", send("PUT", { displayName: "x", email: "x@x.example", roles: [] })],
  ["/api/staff/worker-2/deactivation", send("POST")],
  ["/api/people?query=Nowak"],
  [`/api/cases/${WAITING}/redactions`, send("POST", { text: "x", reason: "y" })],
  [`/api/cases/${WAITING}/legal-hold`, send("PUT", { hold: true, reason: "y" })],
  ["/api/retention/due"],
  ["/api/audit?from=2026-03-01&to=2026-03-02"],
];

describe("every route needs a role", () => {
  it("refuses a member of staff with no role on each route of the API (403 AUTH.ROLE_REFUSED)", async () => {
    const answers = [];
    for (const [path, init] of ROUTES) {
      const response = await api.call("no-roles", path, init);
      answers.push([`${init?.method ?? "GET"} ${path}`, response.status, await errorCode(response)]);
    }
    expect(answers).toEqual(
      ROUTES.map(([path, init]) => [`${init?.method ?? "GET"} ${path}`, 403, "AUTH.ROLE_REFUSED"]),
    );
  });
});

describe("the access audit is read by the data protection role alone", () => {
  it("refuses every other role, admins and managers included (403 AUTH.ROLE_REFUSED)", async () => {
    for (const who of ["duty-1", "worker-1", "panel-1", "manager-1", "admin-1", "reader-admin"]) {
      const response = await api.call(who, "/api/audit");
      expect([who, response.status, await errorCode(response)]).toEqual([who, 403, "AUTH.ROLE_REFUSED"]);
    }
  });
});

describe("a case is read only by who needs to know it", () => {
  const read = async (staffId: string, caseId: string) => (await api.call(staffId, `/api/cases/${caseId}`)).status;

  it("lets its lead worker, duty workers and managers read it; not another practitioner or an admin", async () => {
    expect(await read("worker-1", ALLOCATED)).toBe(200);
    expect(await read("duty-1", ALLOCATED)).toBe(200);
    expect(await read("manager-1", ALLOCATED)).toBe(200);
    const refused = await api.call("worker-2", `/api/cases/${ALLOCATED}`);
    expect(refused.status).toBe(404); // as a case that does not exist: references are sequential
    expect(await errorCode(refused)).toBe("CASE.NOT_FOUND");
    expect(await read("admin-1", ALLOCATED)).toBe(404);
  });

  it("lets a panel member read a case on a panel's agenda, and not one off it", async () => {
    expect(await read("panel-1", WAITING)).toBe(200);
    expect(await read("panel-1", ALLOCATED)).toBe(404);
  });

  it("lets an all-cases reader read every case, a role an admin grants explicitly", async () => {
    expect(await read("reader-admin", ALLOCATED)).toBe(200);
    expect(await read("reader-admin", WAITING)).toBe(200);
  });

  it("audits every read and every refused read, with who and which case", async () => {
    audited.length = 0;
    await read("worker-1", ALLOCATED);
    await read("worker-2", ALLOCATED);
    expect(audited).toEqual([
      expect.objectContaining({ action: "case.read", actorId: "worker-1", subject: ALLOCATED, via: "api" }),
      expect.objectContaining({ action: "case.read-refused", actorId: "worker-2", subject: ALLOCATED, via: "api" }),
    ]);
  });

  it("audits the compliance report's export, not its reading on screen", async () => {
    audited.length = 0;
    await api.call("manager-1", "/api/compliance?from=2026-02-01&to=2026-02-28");
    expect(audited).toEqual([]);
    const csv = await api.call("manager-1", "/api/compliance?from=2026-02-01&to=2026-02-28&format=csv");
    expect(csv.status).toBe(200);
    expect(audited).toEqual([
      expect.objectContaining({
        action: "report.exported",
        actorId: "manager-1",
        subject: "compliance 2026-02-01 to 2026-02-28",
      }),
    ]);
  });
});

describe("staff and settings", () => {
  const staffRow = async (id: string) =>
    ((await (await api.call("admin-1", "/api/staff")).json()) as { staff: StaffView[] }).staff.find(
      (s) => s.id === id,
    )!;

  it("refuses an admin changing their own roles or deactivating themselves (403 STAFF.OWN_RECORD)", async () => {
    const own = await staffRow("admin-1");
    const grant = await api.call(
      "admin-1",
      "/api/staff/admin-1",
      send("PUT", { ...own, roles: ["admin", "all-cases-reader"] }, own.etag),
    );
    expect(grant.status).toBe(403);
    expect(await errorCode(grant)).toBe("STAFF.OWN_RECORD");
    const leave = await api.call("admin-1", "/api/staff/admin-1/deactivation", send("POST", {}, own.etag));
    expect(await errorCode(leave)).toBe("STAFF.OWN_RECORD");
    expect((await staffRow("admin-1")).roles).toEqual(["admin"]);
  });

  it("lets another admin change them, audited with the roles given", async () => {
    audited.length = 0;
    const row = await staffRow("worker-2");
    const { id: _id, etag, ...input } = row;
    const saved = await api.call(
      "admin-2",
      "/api/staff/worker-2",
      send("PUT", { ...input, roles: ["practitioner", "duty-worker"] }, etag),
    );
    expect(saved.status).toBe(200);
    expect(audited).toEqual([
      expect.objectContaining({
        action: "staff.saved",
        actorId: "admin-2",
        subject: "worker-2",
        detail: { roles: ["practitioner", "duty-worker"] },
      }),
    ]);
  });

  it("deactivates a member of staff: kept on the list, refused everywhere after, audited", async () => {
    await api.app.store.staff.put("leaver", {
      id: "leaver",
      displayName: "Lee Leaver",
      email: "lee@fc.example",
      roles: ["duty-worker"],
    });
    expect((await api.call("leaver", "/api/triage")).status).toBe(200);
    audited.length = 0;
    const response = await api.call(
      "admin-1",
      "/api/staff/leaver/deactivation",
      send("POST", {}, (await staffRow("leaver")).etag),
    );
    expect(response.status).toBe(200);
    expect((await staffRow("leaver")).deactivatedAt).toBe(NOW.replace("Z", ".000Z"));
    const after = await api.call("leaver", "/api/triage");
    expect(after.status).toBe(403);
    expect(await errorCode(after)).toBe("AUTH.NOT_ON_STAFF_LIST");
    expect(audited).toEqual([
      expect.objectContaining({ action: "staff.deactivated", actorId: "admin-1", subject: "leaver" }),
    ]);
  });

  it("audits a settings change with the fields changed", async () => {
    const read = (await (await api.call("admin-1", "/api/settings")).json()) as SettingsResponse;
    audited.length = 0;
    const saved = await api.call("admin-1", "/api/settings", send("PUT", { closureDays: ["2026-12-29"] }, read.etag));
    expect(saved.status).toBe(200);
    expect(audited).toEqual([
      expect.objectContaining({
        action: "settings.changed",
        actorId: "admin-1",
        subject: "centre",
        detail: { fields: ["closureDays"] },
      }),
    ]);
  });
});
