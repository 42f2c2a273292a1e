// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ComplianceReport } from "../../../../src/api/contract.js";
import { ComplianceView } from "../../../../tab/src/views/compliance-view.js";
import { fakeApi, ok } from "../support/fake-api.js";
import { aClock, aMe } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

const citation = aClock().citation;
const report: ComplianceReport = {
  from: "2026-11-01",
  to: "2026-11-23",
  generatedAt: "2026-11-23T12:00:00Z",
  rules: [
    {
      ruleId: "1.2",
      ruleName: "Acknowledge",
      citation,
      onTime: 8,
      late: 2,
      lateStillOpen: 1,
      lateWithinMaximum: 1,
      lateUnmet: 0,
      cancelled: 0,
    },
    {
      ruleId: "1.1",
      ruleName: "Present at MAAM",
      citation,
      onTime: 3,
      late: 0,
      lateStillOpen: 0,
      lateWithinMaximum: 0,
      lateUnmet: 0,
      cancelled: 4,
    },
  ],
  checks: [{ ruleId: "9", ruleName: "Voice of the child is evident", citation, evidenced: 5, missing: 2 }],
  reasons: [{ caseId: "FC-2026-000007", ruleId: "1.2", instance: 1, reason: "Mailbox outage over the weekend" }],
  longOpen: [
    { months: 3, ruleId: "11.4", cases: [{ caseId: "FC-2026-000002", openedAt: "2026-07-01T09:00:00Z" }], more: false },
    { months: 6, ruleId: "11.4", cases: [], more: false },
  ],
};

describe("compliance for oversight and inspection", () => {
  it("asks for this month to today by default and shows each rule's on-time and late figures", async () => {
    const api = fakeApi({ compliance: () => ok(report) });
    renderView(<ComplianceView today="2026-11-23" />, { api, me: aMe(["manager"]) });
    const table = await screen.findByRole("table", { name: /On time and late per rule, 2026-11-01 to 2026-11-23/ });
    expect(api.callsTo("compliance")[0]?.args).toEqual(["2026-11-01", "2026-11-23"]);
    const cells = within(within(table).getByRole("row", { name: /1\.2 Acknowledge/ })).getAllByRole("cell");
    // 8 on time of 11 due (8 + 2 late + 1 overdue and still open).
    expect(cells.slice(1).map((c) => c.textContent)).toEqual(["73%", "8", "2", "1", "1", "0"]);
  });

  it("counts, for rule 9, the stages where the voice of the child was evident and where it was missing", async () => {
    const api = fakeApi({ compliance: () => ok(report) });
    renderView(<ComplianceView today="2026-11-23" />, { api, me: aMe(["manager"]) });
    const table = await screen.findByRole("table", { name: /Checks at each stage, 2026-11-01 to 2026-11-23/ });
    const cells = within(within(table).getByRole("row", { name: /9 Voice of the child/ })).getAllByRole("cell");
    expect(cells.slice(1).map((c) => c.textContent)).toEqual(["5", "2"]);
  });

  it("charts the on-time percentage per rule against the target, the table being its text alternative", async () => {
    const api = fakeApi({ compliance: () => ok(report) });
    renderView(<ComplianceView today="2026-11-23" />, { api, me: aMe(["manager"]) });
    const figure = await screen.findByRole("figure");
    expect(figure.textContent).toContain("On time per rule against the target of 100%");
    expect(figure.textContent).toContain("the same figures are in the table below");
    expect(screen.getByRole("columnheader", { name: "On time, % (target 100%)" })).toBeTruthy();
  });

  it("lists the reasons recorded for exceeding and the long-open cases by band", async () => {
    const api = fakeApi({ compliance: () => ok(report) });
    renderView(<ComplianceView today="2026-11-23" />, { api, me: aMe(["manager"]) });
    expect((await screen.findByText(/Mailbox outage over the weekend/)).textContent).toContain("rule 1.2");
    expect(screen.getByText(/Open 3 months or more: 1/).textContent).toContain("FC-2026-000002");
    expect(screen.getByText("Open 6 months or more: 0")).toBeTruthy();
  });

  it("asks again when the period changes", async () => {
    const api = fakeApi({ compliance: () => ok(report) });
    renderView(<ComplianceView today="2026-11-23" />, { api, me: aMe(["manager"]) });
    await screen.findByRole("table", { name: /On time and late/ });
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-04-01" } });
    await waitFor(() => expect(api.callsTo("compliance").at(-1)?.args).toEqual(["2026-04-01", "2026-11-23"]));
  });

  it("exports the period as CSV through the API (the download needs the person's token)", async () => {
    const api = fakeApi({ compliance: () => ok(report), complianceCsv: () => "rule,onTime\n1.2,8\n" });
    renderView(<ComplianceView today="2026-11-23" />, { api, me: aMe(["manager"]) });
    await screen.findByRole("table", { name: /On time and late/ });
    URL.createObjectURL = () => "blob:compliance";
    URL.revokeObjectURL = () => undefined;
    fireEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(api.callsTo("complianceCsv")[0]?.args).toEqual(["2026-11-01", "2026-11-23"]));
  });
});
