import { afterEach, describe, expect, it } from "vitest";
import type {
  CaseDetail,
  ComplianceReport,
  LoggedContact,
  MutationResult,
  TeamResponse,
} from "../../../src/api/contract.js";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

let api: ApiHarness | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
  return body;
}

const caseOf = (h: ApiHarness, staffId: string, caseId: string) =>
  h.call(staffId, `/api/cases/${caseId}`).then((r) => json<CaseDetail>(r));

/** Does as `staffId` would in the tab: reads the case, finds the action among *their* actions, posts its inputs. */
async function act(
  h: ApiHarness,
  staffId: string,
  caseId: string,
  actionId: string,
  inputs: Record<string, unknown> = {},
): Promise<MutationResult> {
  const detail = await caseOf(h, staffId, caseId);
  const action = detail.actions.find((a) => a.id === actionId);
  if (action === undefined) {
    throw new Error(
      `${staffId} is not offered "${actionId}" on ${caseId} (${detail.case.state}): ${detail.actions.map((a) => a.id).join(", ")}`,
    );
  }
  const response = await h.call(staffId, action.path, {
    method: "POST",
    headers: { "if-match": detail.etag },
    body: JSON.stringify(inputs),
  });
  return json<MutationResult>(response);
}

const offered = async (h: ApiHarness, staffId: string, caseId: string) =>
  (await caseOf(h, staffId, caseId)).actions.map((a) => a.id);

async function logByHand(h: ApiHarness, inputs: Record<string, unknown>): Promise<string> {
  const form = await json<{ inputs: readonly { name: string }[] }>(await h.call("duty-1", "/api/contacts/form"));
  expect(Object.keys(inputs).every((name) => form.inputs.some((i) => i.name === name))).toBe(true);
  const logged = await json<LoggedContact>(
    await h.call("duty-1", "/api/contacts", { method: "POST", body: JSON.stringify(inputs) }),
  );
  return logged.caseId;
}

const checklistOf = (detail: CaseDetail, actionId: string) =>
  Object.fromEntries(
    (detail.actions.find((a) => a.id === actionId)?.inputs ?? [])
      .filter((i) => i.name.startsWith("checklist."))
      .map((i) => [i.name, true]),
  );

describe("Family Solutions, lived from a phone call to a signed-off closure through the case's actions alone", () => {
  it("each role takes the steps the framework gives them, and the clocks and compliance come out as the framework says", async () => {
    api = await startApiHarness({ now: "2026-03-02T09:30:00Z" });
    const h = api;
    const caseId = await logByHand(h, {
      kind: "request-for-support",
      channel: "phone",
      "received-at": "2026-03-02T09:05:00Z",
      "referrer-name": "Jo Smith",
      "referrer-email": "jo.smith@school.example",
      "referrer-organisation": "Oakfield Primary",
    });
    expect((await deliverOutbox(h.app.deps)).sent).toBe(1); // 1.2: the acknowledgement goes to the person named

    // A practitioner who does not lead the case does not see it (need to know); a duty worker screens it.
    expect((await h.call("worker-1", `/api/cases/${caseId}`)).status).toBe(404);
    expect(await offered(h, "duty-1", caseId)).toContain("record-screening-decision");
    h.app.clock.set("2026-03-02T11:00:00Z");
    await act(h, "duty-1", caseId, "record-screening-decision", { outcome: "maam" });
    h.app.clock.set("2026-03-10T10:00:00Z");
    await act(h, "panel-1", caseId, "record-maam-decision", { outcome: "allocate", worker: "worker-1" });
    expect((await deliverOutbox(h.app.deps)).sent).toBe(2); // 2.2 and 3.1 outcome letters
    h.app.clock.set("2026-03-10T14:00:00Z");
    await act(h, "manager-1", caseId, "allocate-case", { worker: "worker-1" });

    h.app.clock.set("2026-03-11T10:00:00Z");
    await act(h, "worker-1", caseId, "record-initial-contact");
    h.app.clock.set("2026-03-13T10:00:00Z");
    await act(h, "worker-1", caseId, "record-visit", { "child-seen": true });
    await act(h, "worker-1", caseId, "record-case-note", { "note-type": "voice-of-child", note: "Child's words." });
    h.app.clock.set("2026-03-30T10:00:00Z");
    await act(h, "worker-1", caseId, "complete-assessment");
    await act(h, "worker-1", caseId, "complete-plan");
    await act(h, "manager-1", caseId, "record-case-note", { "note-type": "managers-decision", note: "Plan agreed." });
    await act(h, "manager-1", caseId, "record-supervision");
    const team = await json<TeamResponse>(await h.call("manager-1", "/api/team"));
    expect(team.caseloads.find((c) => c.staffId === "worker-1")?.supervision).toMatchObject({
      ruleId: "11.6",
      status: "on-track",
    });
    // 11.1: oversight at least once a calendar month, and of the review within 3 days; missed, it would stay
    // breached through the closure (closing never launders a breach).
    h.app.clock.set("2026-04-28T10:00:00Z");
    await act(h, "manager-1", caseId, "record-case-note", { "note-type": "managers-decision", note: "On track." });
    h.app.clock.set("2026-05-08T10:00:00Z");
    await act(h, "worker-1", caseId, "hold-review");
    await act(h, "manager-1", caseId, "record-case-note", { "note-type": "managers-decision", note: "Review noted." });

    h.app.clock.set("2026-05-11T10:00:00Z");
    const beforeClosure = await caseOf(h, "worker-1", caseId);
    expect(beforeClosure.actions.map((a) => a.id)).not.toContain("sign-off-closure");
    await act(h, "worker-1", caseId, "request-closure", {
      ...checklistOf(beforeClosure, "request-closure"),
      summary: "Goals met; the family is confident.",
    });
    expect(await offered(h, "worker-1", caseId)).not.toContain("sign-off-closure");
    h.app.clock.set("2026-05-12T10:00:00Z");
    const closed = await act(h, "manager-1", caseId, "sign-off-closure", { "end-date": "2026-05-12" });
    expect(closed.state).toBe("closed");

    const detail = await caseOf(h, "manager-1", caseId);
    const status = (rule: string) => detail.clocks.filter((c) => c.ruleId === rule).map((c) => c.status);
    expect(status("1.2")).toEqual(["met"]);
    expect(status("2.2")).toEqual(["met"]);
    expect(status("3.1")).toEqual(["met"]);
    expect(status("3.2")).toEqual(["met"]);
    expect(status("4.1a")).toEqual(["met"]);
    expect(status("8.1")).toEqual(["met"]);
    expect(detail.clocks.filter((c) => c.status === "breached" || c.status === "overdue")).toEqual([]);
    const report = await json<ComplianceReport>(
      await h.call("manager-1", "/api/compliance?from=2026-03-01&to=2026-05-31"),
    );
    const onTime = (rule: string) => report.rules.find((r) => r.ruleId === rule);
    expect(onTime("1.2")).toMatchObject({ onTime: 1, late: 0 });
    expect(onTime("3.2")).toMatchObject({ onTime: 1, late: 0 });
    expect(onTime("8.1")).toMatchObject({ onTime: 1, late: 0 });
  });
});

describe("Bexley, lived from a referral to a signed-off closure through the case's actions alone", () => {
  it("consent, the Front Door within 24 hours (a dispute resolved in 24), acceptance, casework, signposting, hand-over, ending letter, closure", async () => {
    api = await startApiHarness({ now: "2026-03-02T09:30:00Z", profileId: "bexley" });
    const h = api;
    const caseId = await logByHand(h, {
      kind: "front-door",
      channel: "gateway",
      "received-at": "2026-03-02T09:00:00Z",
      "referrer-name": "Sam Patel",
      "referrer-email": "sam.patel@school.example",
    });
    expect((await caseOf(h, "duty-1", caseId)).case.state).toBe("awaiting-consent");
    expect((await deliverOutbox(h.app.deps)).sent).toBe(1); // the referrer's acknowledgement (local practice)
    await act(h, "duty-1", caseId, "record-consent", { given: true });
    h.app.clock.set("2026-03-02T15:00:00Z");
    await act(h, "duty-1", caseId, "record-front-door-decision", { outcome: "family-wellbeing", note: "Tier two." });
    expect(await offered(h, "duty-1", caseId)).not.toContain("dispute-threshold");
    await act(h, "manager-1", caseId, "dispute-threshold", { note: "Should this be social care?" });
    h.app.clock.set("2026-03-03T09:00:00Z");
    await act(h, "manager-1", caseId, "resolve-threshold-dispute", { note: "Agreed: tier two stands." });
    await act(h, "duty-1", caseId, "record-screening-decision", { outcome: "accept", note: "Eligible." });
    expect((await deliverOutbox(h.app.deps)).sent).toBe(1); // the outcome letter to the referrer (§2)
    h.app.clock.set("2026-03-03T15:00:00Z");
    await act(h, "manager-1", caseId, "allocate-case", { worker: "worker-1" });
    h.app.clock.set("2026-03-05T10:00:00Z");
    await act(h, "worker-1", caseId, "record-initial-contact");
    await act(h, "worker-1", caseId, "record-visit", { "child-seen": true });
    h.app.clock.set("2026-03-16T10:00:00Z");
    await act(h, "worker-1", caseId, "complete-assessment");
    await act(h, "worker-1", caseId, "complete-plan");
    h.app.clock.set("2026-04-06T10:00:00Z");
    await act(h, "worker-1", caseId, "record-visit", { "child-seen": true });
    await act(h, "manager-1", caseId, "agree-signposting", { note: "Needs met by the community centre." });
    h.app.clock.set("2026-04-08T10:00:00Z");
    await act(h, "worker-1", caseId, "record-handover-meeting");
    await act(h, "worker-1", caseId, "record-ending-letter");
    const beforeClosure = await caseOf(h, "worker-1", caseId);
    await act(h, "worker-1", caseId, "request-closure", {
      ...checklistOf(beforeClosure, "request-closure"),
      summary: "Signposted; hand-over done.",
    });
    h.app.clock.set("2026-04-09T10:00:00Z");
    expect((await act(h, "manager-1", caseId, "sign-off-closure", { "end-date": "2026-04-09" })).state).toBe("closed");

    const detail = await caseOf(h, "manager-1", caseId);
    const status = (rule: string) => detail.clocks.filter((c) => c.ruleId === rule).map((c) => c.status);
    expect(status("front-door-decision")).toEqual(["met"]);
    expect(status("threshold-dispute")).toEqual(["met"]);
    expect(status("allocation")).toEqual(["met"]);
    expect(status("introductory-visit")).toEqual(["met"]);
    expect(status("wellbeing-assessment")).toEqual(["met"]);
    expect(status("signposting-handover")).toEqual(["met"]);
    expect(detail.clocks.filter((c) => c.status === "breached" || c.status === "overdue")).toEqual([]);
  });

  it("a case put to the transfer panel carries the presenting worker's summary, and the panel decides it", async () => {
    api = await startApiHarness({ now: "2026-03-02T09:30:00Z", profileId: "bexley" });
    const h = api;
    const caseId = await logByHand(h, {
      kind: "step-down-from-social-care",
      channel: "social-care",
      "received-at": "2026-03-02T09:00:00Z",
    });
    expect((await caseOf(h, "duty-1", caseId)).case.state).toBe("awaiting-transfer-panel");
    // Unallocated, the case is the duty desk's to present (a practitioner reads only the cases they lead).
    await act(h, "duty-1", caseId, "record-transfer-summary", {
      "summary.history": "Known to social care for a year.",
      "summary.worries": "School attendance.",
    });
    expect(await offered(h, "duty-1", caseId)).not.toContain("record-transfer-panel-decision");
    await act(h, "manager-1", caseId, "record-transfer-panel-decision", { outcome: "transfer", note: "Agreed." });
    const decided = await caseOf(h, "manager-1", caseId);
    expect(decided.case.state).toBe("awaiting-allocation");
    // Seed 000: the lead worker is allocated within one week of the panel.
    expect(decided.clocks.find((c) => c.ruleId === "lead-worker-after-panel")).toMatchObject({
      status: "on-track",
      maximum: { londonDate: "2026-03-09" },
    });
  });
});
