import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AccessibilityStatementResponse,
  CaseDetail,
  MailLookupResponse,
  SettingsResponse,
} from "../../../src/api/contract.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

const NOW = "2026-01-12T09:41:17Z"; // the fixtures' own Monday
let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness({ now: NOW });
}, 60_000);
afterAll(() => api.close());

const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

describe("the Outlook add-in", () => {
  it("says an email is not logged, logs it through the intake, then shows its case and clocks", async () => {
    const messageId = await api.app.deliverFixture("eha-health-visitor-docx.eml");
    const before = await json<MailLookupResponse>(
      await api.call("duty-1", `/api/mail/lookup?messageId=${encodeURIComponent(messageId)}`),
    );
    expect(before.logged).toBe(false);

    const logged = await api.call("duty-1", "/api/mail/log", { method: "POST", body: JSON.stringify({ messageId }) });

    expect(logged.status).toBe(200);
    const after = await json<MailLookupResponse>(logged);
    expect(after).toMatchObject({ logged: true, state: "logged", case: { state: "awaiting-screening" } });
    expect(after.case?.clocks.map((c) => c.ruleId)).toContain("1.2");
    const detail = await json<CaseDetail>(await api.call("duty-1", `/api/cases/${after.case?.caseId}`));
    expect(detail.timeline[0]).toMatchObject({ type: "contact.received", by: { kind: "system" } });
  });

  it("refuses logging to a practitioner (only duty workers and managers triage mail)", async () => {
    const response = await api.call("worker-1", "/api/mail/log", {
      method: "POST",
      body: JSON.stringify({ messageId: "any" }),
    });
    expect(response.status).toBe(403);
  });
});

describe("settings (admin)", () => {
  it("changes closure days over the ETag read, and refuses a second change from the same stale read (412)", async () => {
    const read = await json<SettingsResponse>(await api.call("admin-1", "/api/settings"));
    const put = (body: unknown) =>
      api.call("admin-1", "/api/settings", {
        method: "PUT",
        headers: { "if-match": read.etag },
        body: JSON.stringify(body),
      });

    const first = await put({ closureDays: ["2026-12-29", "2026-12-30"] });
    expect(first.status).toBe(200);
    expect((await json<SettingsResponse>(first)).closureDays).toEqual(["2026-12-29", "2026-12-30"]);
    const second = await put({ closureDays: ["2026-12-31"] });
    expect(second.status).toBe(412);
  });

  it("saves the accessibility contact, which every member of staff then reads on the accessibility statement", async () => {
    const read = await json<SettingsResponse>(await api.call("admin-1", "/api/settings"));
    const put = (accessibilityContact: unknown, etag: string) =>
      api.call("admin-1", "/api/settings", {
        method: "PUT",
        headers: { "if-match": etag },
        body: JSON.stringify({ accessibilityContact }),
      });
    const refused = await put({ email: "not an address" }, read.etag);
    expect(refused.status).toBe(400);
    expect((await json<{ error: { code: string } }>(refused)).error.code).toBe("SETTINGS.BAD_ACCESSIBILITY_CONTACT");

    const contact = { name: " Digital Accessibility Team ", email: "access@council.example", phone: "" };
    const saved = await put(contact, read.etag);
    expect(saved.status).toBe(200);
    const expected = { name: "Digital Accessibility Team", email: "access@council.example" };
    expect((await json<SettingsResponse>(saved)).accessibilityContact).toEqual(expected);
    const statement = await json<AccessibilityStatementResponse>(await api.call("worker-1", "/api/accessibility"));
    expect(statement.contact).toEqual(expected);
    expect(statement.centreName).not.toBe("");
  });

  it("imports GOV.UK's bank-holidays.json (England & Wales only)", async () => {
    const read = await json<SettingsResponse>(await api.call("admin-1", "/api/settings"));
    const file = JSON.stringify({
      "england-and-wales": {
        division: "england-and-wales",
        events: [{ title: "Christmas Day", date: "2026-12-25", notes: "", bunting: true }],
      },
      scotland: {
        division: "scotland",
        events: [{ title: "St Andrew's Day", date: "2026-11-30", notes: "", bunting: true }],
      },
    });
    const response = await api.call("admin-1", "/api/settings/bank-holidays", {
      method: "POST",
      headers: { "if-match": read.etag, "content-type": "application/json" },
      body: file,
    });
    expect(response.status).toBe(200);
    const after = await json<SettingsResponse>(await api.call("admin-1", "/api/settings"));
    expect(after.bankHolidays).toEqual([{ date: "2026-12-25", title: "Christmas Day" }]);
  });

  it("refuses settings to anyone but an admin", async () => {
    expect((await api.call("manager-1", "/api/settings")).status).toBe(403);
  });
});
