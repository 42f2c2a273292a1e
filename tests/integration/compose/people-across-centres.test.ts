import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {
  CaseDetail,
  CountyComplianceResponse,
  CountyTeamResponse,
  MeResponse,
  MyCentresResponse,
} from "../../../src/api/contract.js";
import { eventually, FIXTURES, runFc, startLocalStack, type LocalStack } from "../../support/local-stack.js";
import { asStaff } from "../../support/as-staff.js";

/** Issue 21 §3: people across centres, through the real service (two centres, real Azurite, real HTTP). */
const NORTH = { id: "north", mailbox: "familycentre@council.example" };
const SOUTH = { id: "south", mailbox: "familycentre2@council.example" };
const BOTH_CENTRES = "demo-manager";
const SOUTH_ONLY = "demo-second-centre-manager";
const COUNTY_MANAGER = "demo-county-manager";
const NEW_CONTACT_LISTS = ["triage", "awaiting-consent", "front-door", "awaiting-screening"] as const;

/** The next seven London dates from today: South is closed all of them, North none. */
const nextWeek = (from: Date): string[] =>
  Array.from({ length: 7 }, (_, i) => new Date(from.getTime() + (i + 1) * 86_400_000).toISOString().slice(0, 10));

let stack: LocalStack;
let southClosed: string[];
const cases = new Map<string, string>();

beforeAll(async () => {
  southClosed = nextWeek(new Date());
  const prefix = `Pc${randomBytes(5).toString("hex")}`;
  stack = await startLocalStack(inject("azuriteConnectionString"), prefix, {
    centres: [
      { id: NORTH.id, name: "North Family Centre", mailbox: NORTH.mailbox, profile: "family-solutions" },
      { id: SOUTH.id, name: "South Family Hub", mailbox: SOUTH.mailbox, profile: "bexley", closureDays: southClosed },
    ],
  });
  // Each mailbox's first inbox round sets its go-live: mail received before it is never read.
  await stack.service.syncNow();
  // The same contact, sent to each centre's mailbox.
  const raw = readFileSync(join(FIXTURES, "eha-school-nurse.eml"), "utf8");
  for (const centre of [NORTH, SOUTH]) await stack.standIn.deliver(raw, "inbox", centre.mailbox);
  await stack.service.syncNow();
  for (const [i, centre] of [NORTH, SOUTH].entries()) {
    const store = stack.service.centres[i]?.store;
    const caseId = await eventually(async () => {
      await stack.service.syncNow();
      // Where a new contact waits depends on the centre's profile (Bexley asks for consent first).
      const lists = await Promise.all(NEW_CONTACT_LISTS.map((list) => store?.worklists.list(list)));
      const items = lists.flatMap((page) => page?.items ?? []);
      expect(items).toHaveLength(1);
      return items[0]?.caseId ?? "";
    });
    cases.set(centre.id, caseId);
  }
}, 120_000);
afterAll(async () => stack?.close());

const { call, json } = asStaff(() => stack.service.url);
const caseOf = (centre: { id: string }) => cases.get(centre.id) ?? "";

describe("the caller's centres", () => {
  it("lists each centre a person works in with their roles there, and every centre for a county manager", async () => {
    const both = await json<MyCentresResponse>(BOTH_CENTRES, "/api/me/centres");
    expect(both.centres).toEqual([
      { id: "north", name: "North Family Centre", profileId: "family-solutions", onStaff: true, roles: ["manager"] },
      { id: "south", name: "South Family Hub", profileId: "bexley", onStaff: true, roles: ["manager"] },
    ]);
    expect(both.countyRoles).toEqual([]);

    const southOnly = await json<MyCentresResponse>(SOUTH_ONLY, "/api/me/centres");
    expect(southOnly.centres.map((c) => c.id)).toEqual(["south"]);

    const county = await json<MyCentresResponse>(COUNTY_MANAGER, "/api/me/centres");
    expect(county).toMatchObject({ displayName: "Demo County Manager", countyRoles: ["county-manager"] });
    expect(county.centres.map((c) => [c.id, c.onStaff])).toEqual([
      ["north", false],
      ["south", false],
    ]);
  });
});

describe("isolation between centres", () => {
  it("gives a member of one centre only that centre's cases: another centre's is 403 before anything is read", async () => {
    expect((await call(SOUTH_ONLY, `/api/centres/south/cases/${caseOf(SOUTH)}`)).status).toBe(200);
    const refused = await call(SOUTH_ONLY, `/api/centres/north/cases/${caseOf(NORTH)}`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "AUTH.NOT_ON_STAFF_LIST" } });
    // /api/… is the first centre's, as refused.
    expect((await call(SOUTH_ONLY, `/api/cases/${caseOf(NORTH)}`)).status).toBe(403);
    // A member of both reads each centre's case in that centre.
    for (const centre of [NORTH, SOUTH]) {
      expect((await call(BOTH_CENTRES, `/api/centres/${centre.id}/cases/${caseOf(centre)}`)).status).toBe(200);
    }
  });

  it("lets a county manager read every centre's compliance and team views, side by side and rolled up, and no case", async () => {
    for (const centre of [NORTH, SOUTH]) {
      const refused = await call(COUNTY_MANAGER, `/api/centres/${centre.id}/cases/${caseOf(centre)}`);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: "AUTH.ROLE_REFUSED" } });
      expect((await call(COUNTY_MANAGER, `/api/centres/${centre.id}/compliance`)).status).toBe(200);
      expect((await call(COUNTY_MANAGER, `/api/centres/${centre.id}/team`)).status).toBe(200);
      expect((await call(COUNTY_MANAGER, `/api/centres/${centre.id}/triage`)).status).toBe(403);
    }

    const compliance = await eventually(async () => {
      const report = await json<CountyComplianceResponse>(COUNTY_MANAGER, "/api/county/compliance");
      // Each centre's acknowledgement went, on time, by its own profile's rule.
      const acks = report.centres.map((c) => c.report.rules.find((r) => /acknowledg/i.test(r.ruleName))?.onTime);
      expect(acks).toEqual([1, 1]);
      return report;
    });
    expect(compliance.centres.map((c) => [c.id, c.profileId])).toEqual([
      ["north", "family-solutions"],
      ["south", "bexley"],
    ]);
    const sum = (key: "onTime" | "late") =>
      compliance.centres.flatMap((c) => c.report.rules).reduce((n, r) => n + r[key], 0);
    expect(compliance.total.onTime).toBe(sum("onTime"));
    expect(compliance.total.late).toBe(sum("late"));
    expect(compliance.total.onTime).toBeGreaterThanOrEqual(2);
    // Each rule's total is that rule's figures summed over the centres whose profile has it.
    for (const rule of compliance.total.rules) {
      const mine = compliance.centres.flatMap((c) => c.report.rules.filter((r) => r.ruleId === rule.ruleId));
      expect(rule).toMatchObject({ centres: mine.length, onTime: mine.reduce((n, r) => n + r.onTime, 0) });
    }

    const team = await json<CountyTeamResponse>(COUNTY_MANAGER, "/api/county/team");
    expect(team.centres.map((c) => c.id)).toEqual(["north", "south"]);
    const practitioners = team.centres.reduce((n, c) => n + c.team.caseloads.length, 0);
    expect(team.total.practitioners).toBe(practitioners);
    expect(practitioners).toBeGreaterThan(0);
  });

  it("refuses the county's views to a centre's own manager", async () => {
    const refused = await call(BOTH_CENTRES, "/api/county/compliance");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "AUTH.ROLE_REFUSED" } });
  });
});

describe("per-centre profiles and closure days", () => {
  it("answers each centre's own profile, and the same contact's acknowledgement is due by each centre's calendar", async () => {
    const north = await json<MeResponse>(BOTH_CENTRES, "/api/centres/north/me");
    const south = await json<MeResponse>(BOTH_CENTRES, "/api/centres/south/me");
    expect([north.profile.id, north.centreName]).toEqual(["family-solutions", "North Family Centre"]);
    expect([south.profile.id, south.centreName]).toEqual(["bexley", "South Family Hub"]);

    const ackDue = async (centre: { id: string }, ruleId: string) => {
      const detail = await json<CaseDetail>(BOTH_CENTRES, `/api/centres/${centre.id}/cases/${caseOf(centre)}`);
      const clock = detail.clocks.find((c) => c.ruleId === ruleId);
      return (clock?.expected ?? clock?.maximum)?.londonDate ?? "";
    };
    const northDue = await ackDue(NORTH, "1.2");
    const southDue = await ackDue(SOUTH, "acknowledgement");
    // One working day: North's falls within the week South is closed; South's only after it.
    expect(northDue <= (southClosed.at(-1) ?? "")).toBe(true);
    expect(southDue > (southClosed.at(-1) ?? "")).toBe(true);
  });
});

describe("fc county-staff", () => {
  it("puts a person on the county's staff list, audited, and they read the county's views at once", async () => {
    const added = await runFc(
      [
        "county-staff",
        "--id",
        "oid-county-2",
        "--name",
        "Second County Manager",
        "--email",
        "second.county@council.example",
        "--role",
        "county-manager",
        "--by",
        "operator-1",
      ],
      stack.cliEnv,
    );
    expect(added).toMatchObject({ code: 0 });
    expect(JSON.parse(added.stdout)).toEqual({ id: "oid-county-2", roles: ["county-manager"] });
    const audit = await stack.service.county.audit.read({ from: today(), to: today() });
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: "county-staff.saved",
        actorId: "operator-1",
        subject: "oid-county-2",
        via: "cli",
      }),
    );
    expect((await json<MyCentresResponse>("oid-county-2", "/api/me/centres")).countyRoles).toEqual(["county-manager"]);

    const unknownRole = await runFc(
      ["county-staff", "--id", "x", "--name", "X", "--email", "x@council.example", "--role", "manager", "--by", "o"],
      stack.cliEnv,
    );
    expect(unknownRole.code).toBe(1);
    expect(unknownRole.stderr).toMatch(/County roles are county-manager/);
  });
});

const today = () => new Date().toISOString().slice(0, 10);
