// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { CaseDetail } from "../../../../src/api/contract.js";
import { CaseView } from "../../../../tab/src/views/case-view.js";
import { aMutationResult, fakeApi, ok } from "../support/fake-api.js";
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
  actions: [
    {
      id: "record-visit",
      label: "Record a visit",
      rules: ["4.1b", "10.1"],
      path: "/api/cases/FC-2026-000003/actions/record-visit",
      inputs: [
        { name: "child-seen", label: "The child was seen and spoken to", required: false, type: "boolean" },
        { name: "late-in-day", label: "Late in the day", required: false, type: "boolean" },
      ],
    },
    {
      id: "record-case-note",
      label: "Record a case note",
      rules: ["9", "11.1"],
      path: "/api/cases/FC-2026-000003/actions/record-case-note",
      inputs: [
        {
          name: "note-type",
          label: "Kind of note",
          required: true,
          type: "choice",
          options: [
            { value: "case-note", label: "Case note" },
            { value: "voice-of-child", label: "Direct work / Voice of the child" },
          ],
        },
        { name: "note", label: "Note", required: true, type: "longtext" },
      ],
    },
    {
      id: "request-closure",
      label: "Put the case forward for closure",
      rules: ["8.1", "8.2"],
      path: "/api/cases/FC-2026-000003/actions/request-closure",
      inputs: [
        { name: "checklist.records-up-to-date", label: "All records are up to date", required: true, type: "boolean" },
        {
          name: "checklist.plan-actions-completed",
          label: "Outstanding actions are done",
          required: true,
          type: "boolean",
        },
        { name: "summary", label: "Closure summary", required: true, type: "longtext" },
      ],
    },
  ],
};

/** Opens the action's section and gives its form. */
async function openAction(label: string): Promise<HTMLElement> {
  const section = await screen.findByRole("region", { name: "What you can do on FC-2026-000003" });
  const summary = [...section.querySelectorAll("summary")].find((s) => s.textContent?.startsWith(label));
  if (summary === undefined) throw new Error(`No action "${label}" is offered.`);
  fireEvent.click(summary);
  return screen.findByRole("form", { name: `${label} on FC-2026-000003` });
}

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

  it("rule 4.2 and rule 9: shows the warnings raised on the case and each stage a check is missing at", async () => {
    const citation = (section: string) => ({
      document: "family-solutions",
      section,
      display: `Family Solutions Practice Framework §${section}`,
    });
    const warned: CaseDetail = {
      ...detail,
      warnings: [
        {
          ruleId: "4.2",
          ruleName: "Mind the lone working policy for late visits",
          citation: citation("4.2"),
          message: "This visit was at the end of the day.",
          seq: 5,
          label: "Visit completed",
          at: "2026-11-25T16:30:00Z",
        },
      ],
      checks: [
        {
          ruleId: "9",
          ruleName: "Voice of the child",
          citation: citation("9"),
          items: [],
          stages: [
            {
              seq: 6,
              event: "plan.completed",
              label: "Support Plan completed",
              at: "2026-11-26T10:00:00Z",
              status: "missing",
            },
          ],
          missing: 1,
        },
      ],
    };
    const api = fakeApi({ caseDetail: () => ok(warned, warned.etag) });
    renderView(<CaseView caseId="FC-2026-000003" />, { api, me: aMe(["practitioner"]) });
    await screen.findByRole("list", { name: "Timeline, oldest first" });
    const text = document.body.textContent ?? "";
    expect(text).toContain(
      "Mind the lone working policy for late visits This visit was at the end of the day. (Visit completed, Wed, 25 Nov 2026, 16:30; Family Solutions Practice Framework §4.2)",
    );
    expect(text).toContain("Voice of the child Not recorded at “Support Plan completed”");
  });

  it("offers exactly the case's actions, each naming the rules it serves", async () => {
    const api = fakeApi({ caseDetail: () => ok(detail, detail.etag) });
    renderView(<CaseView caseId="FC-2026-000003" />, { api, me: aMe(["practitioner"]) });
    const offered = await screen.findByRole("region", { name: "What you can do on FC-2026-000003" });
    expect([...offered.querySelectorAll("summary")].map((s) => s.textContent)).toEqual([
      "Record a visit (rules 4.1b, 10.1)",
      "Record a case note (rules 9, 11.1)",
      "Put the case forward for closure (rules 8.1, 8.2)",
    ]);
  });

  it("rule 4.1b records a visit with the child seen through the action's path and the case's ETag, then reloads", async () => {
    const api = fakeApi({
      caseDetail: () => ok(detail, detail.etag),
      takeAction: () => aMutationResult("FC-2026-000003"),
    });
    renderView(<CaseView caseId="FC-2026-000003" />, { api, me: aMe(["practitioner"]) });
    const form = await openAction("Record a visit");
    fireEvent.click(within(form).getByLabelText("The child was seen and spoken to"));
    fireEvent.click(within(form).getByRole("button", { name: "Record a visit" }));
    await waitFor(() => expect(api.callsTo("takeAction")).toHaveLength(1));
    expect(api.callsTo("takeAction")[0]?.args).toEqual([
      "/api/cases/FC-2026-000003/actions/record-visit",
      { "child-seen": true },
      'W/"3"',
    ]);
    await waitFor(() => expect(api.callsTo("caseDetail")).toHaveLength(2));
    expect(screen.getByRole("status").textContent).toBe("Record a visit: recorded on FC-2026-000003.");
  });

  it("a case note needs its kind and text before it can be recorded, and the service's warnings are shown", async () => {
    const api = fakeApi({
      caseDetail: () => ok(detail, detail.etag),
      takeAction: () => aMutationResult("FC-2026-000003", { warnings: ["Voice of the child is not yet recorded."] }),
    });
    renderView(<CaseView caseId="FC-2026-000003" />, { api, me: aMe(["practitioner"]) });
    const form = await openAction("Record a case note");
    const record = within(form).getByRole("button", { name: "Record a case note" }) as HTMLButtonElement;
    expect(record.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText(/^Kind of note/), { target: { value: "voice-of-child" } });
    fireEvent.change(within(form).getByLabelText(/^Note/), { target: { value: "Spoke with the child at school." } });
    fireEvent.click(record);
    await waitFor(() => expect(api.callsTo("takeAction")).toHaveLength(1));
    expect(api.callsTo("takeAction")[0]?.args[1]).toEqual({
      "note-type": "voice-of-child",
      note: "Spoke with the child at school.",
    });
    expect(await screen.findByText("Voice of the child is not yet recorded.")).toBeTruthy();
  });

  it("rule 8.2 asks for every closure-ready item ticked and the summary before closure can be requested", async () => {
    const api = fakeApi({
      caseDetail: () => ok(detail, detail.etag),
      takeAction: () => aMutationResult("FC-2026-000003", { state: "closure-requested" }),
    });
    renderView(<CaseView caseId="FC-2026-000003" />, { api, me: aMe(["practitioner"]) });
    const form = await openAction("Put the case forward for closure");
    const record = within(form).getByRole("button", { name: "Put the case forward for closure" }) as HTMLButtonElement;
    fireEvent.change(within(form).getByLabelText(/^Closure summary/), { target: { value: "Plan outcomes met." } });
    fireEvent.click(within(form).getByLabelText("All records are up to date"));
    expect(record.disabled).toBe(true);
    fireEvent.click(within(form).getByLabelText("Outstanding actions are done"));
    expect(record.disabled).toBe(false);
    fireEvent.click(record);
    await waitFor(() => expect(api.callsTo("takeAction")).toHaveLength(1));
    expect(api.callsTo("takeAction")[0]?.args[1]).toEqual({
      "checklist.records-up-to-date": true,
      "checklist.plan-actions-completed": true,
      summary: "Plan outcomes met.",
    });
  });

  it("records when it happened, read as London time, when the event is written up later", async () => {
    const api = fakeApi({
      caseDetail: () => ok(detail, detail.etag),
      takeAction: () => aMutationResult("FC-2026-000003"),
    });
    renderView(<CaseView caseId="FC-2026-000003" />, { api, me: aMe(["practitioner"]) });
    const form = await openAction("Record a visit");
    // 10 July is British Summer Time: 09:30 in London is 08:30 UTC.
    fireEvent.change(within(form).getByLabelText(/When did this happen/), { target: { value: "2026-07-10T09:30" } });
    fireEvent.click(within(form).getByRole("button", { name: "Record a visit" }));
    await waitFor(() => expect(api.callsTo("takeAction")).toHaveLength(1));
    expect(api.callsTo("takeAction")[0]?.args[1]).toEqual({ occurredAt: "2026-07-10T08:30:00.000Z" });
  });
});
