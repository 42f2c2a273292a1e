// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { CaseDetail } from "../../../../src/api/contract.js";
import { CaseView } from "../../../../tab/src/views/case-view.js";
import { fakeApi, ok } from "../support/fake-api.js";
import { aCase, aClock, aMe } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

const { clocks: _running, rag: _rag, etag: _etag, nextDueAt: _next, ...summary } = aCase("FC-2026-000003");
const detail: CaseDetail = {
  case: summary,
  etag: 'W/"3"',
  rag: "amber",
  contacts: [],
  timeline: [
    {
      seq: 1,
      type: "contact.received",
      label: "Contact received",
      at: "2026-11-23T09:00:00Z",
      by: { kind: "system", id: "mailbox-intake" },
      data: {},
    },
    {
      seq: 2,
      type: "screening.decided",
      label: "Screening decision: <b>Present at MAAM</b>",
      at: "2026-11-24T10:30:00Z",
      by: { kind: "staff", id: "staff-duty", displayName: "Dana Duty" },
      why: "Needs a multi-agency view.",
      data: {},
    },
  ],
  clocks: [
    aClock({ status: "met", rag: "none" }),
    aClock({ ruleId: "1.1", ruleName: "Present at MAAM", rag: "amber" }),
  ],
  emails: [
    {
      key: "FC-2026-000003~acknowledgement",
      purpose: "acknowledgement",
      state: "sent",
      createdAt: "2026-11-23T09:01:00Z",
      updatedAt: "2026-11-23T09:02:00Z",
    },
  ],
};

describe("the case page", () => {
  it("shows the audit trail oldest first: what, when (London time), who and why", async () => {
    const api = fakeApi({ caseDetail: () => ok(detail, detail.etag) });
    renderView(<CaseView caseId="FC-2026-000003" />, { api, me: aMe(["manager"]) });
    const timeline = await screen.findByRole("list", { name: "Timeline, oldest first" });
    const entries = within(timeline).getAllByRole("listitem");
    expect(entries.map((e) => e.textContent)).toEqual([
      "Contact received — Mon, 23 Nov 2026, 09:00, by mailbox-intake",
      "Screening decision: <b>Present at MAAM</b> — Tue, 24 Nov 2026, 10:30, by Dana Duty. Why: Needs a multi-agency view.",
    ]);
    expect(api.callsTo("caseDetail")[0]?.args).toEqual(["FC-2026-000003"]);
  });

  it("renders text from the record as text, never as markup", async () => {
    const api = fakeApi({ caseDetail: () => ok(detail, detail.etag) });
    const { container } = renderView(<CaseView caseId="FC-2026-000003" />, { api, me: aMe(["manager"]) });
    await screen.findByRole("list", { name: "Timeline, oldest first" });
    expect(container.querySelector("b")).toBeNull();
  });

  it("shows every clock (met ones too) with its citation, and the emails sent", async () => {
    const api = fakeApi({ caseDetail: () => ok(detail, detail.etag) });
    renderView(<CaseView caseId="FC-2026-000003" />, { api, me: aMe(["manager"]) });
    const clocks = await screen.findByRole("table", { name: "Every clock on this case" });
    expect(within(clocks).getAllByRole("row")).toHaveLength(3);
    expect(clocks.textContent).toContain("Met");
    expect(clocks.textContent).toContain("Amber: due soon");
    const emails = screen.getByRole("table", { name: "Emails sent" });
    expect(emails.textContent).toContain("acknowledgement");
    expect(emails.textContent).toContain("Sent");
  });
});
