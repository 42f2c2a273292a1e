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
      target: 100,
      months: [
        { month: "2026-10", onTime: 3, late: 1 },
        { month: "2026-11", onTime: 5, late: 1 },
      ],
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
      target: 100,
      months: [
        { month: "2026-10", onTime: 0, late: 0 },
        { month: "2026-11", onTime: 3, late: 0 },
      ],
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
    const [figure] = await screen.findAllByRole("figure");
    expect(figure?.textContent).toContain("On time per rule (target 100%)");
    expect(figure?.textContent).toContain("the same figures are in the table below");
    expect(screen.getByRole("columnheader", { name: "On time, % (target 100%)" })).toBeTruthy();
  });

  it("charts the monthly trend per rule, with a table of the same percentages as its text alternative", async () => {
    const api = fakeApi({ compliance: () => ok(report) });
    renderView(<ComplianceView today="2026-11-23" />, { api, me: aMe(["manager"]) });
    const table = await screen.findByRole("table", { name: /On time per rule by month/ });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((c) => c.textContent),
    ).toEqual(["Rule", "Oct 2026", "Nov 2026"]);
    const cells = within(within(table).getByRole("row", { name: /1\.1 Present at MAAM/ })).getAllByRole("cell");
    expect(cells.slice(1).map((c) => c.textContent)).toEqual(["—", "100% (3 of 3)"]);
    const row = within(table).getByRole("row", { name: /1\.2 Acknowledge/ });
    expect(within(row).getAllByRole("cell")[1]?.textContent).toBe("75% (3 of 4)");
    expect(screen.getAllByRole("figure")).toHaveLength(2);
  });

  it("asks for a longer period when the one chosen is a single month", async () => {
    const oneMonth = { ...report, rules: report.rules.map((r) => ({ ...r, months: r.months.slice(1) })) };
    const api = fakeApi({ compliance: () => ok(oneMonth) });
    renderView(<ComplianceView today="2026-11-23" />, { api, me: aMe(["manager"]) });
    expect(await screen.findByText(/Choose a period of two months or more/)).toBeTruthy();
  });

  it("names each rule's target when the profile sets different ones", async () => {
    const targets = { ...report, rules: report.rules.map((r, i) => ({ ...r, target: i === 0 ? 95 : 100 })) };
    const api = fakeApi({ compliance: () => ok(targets) });
    renderView(<ComplianceView today="2026-11-23" />, { api, me: aMe(["manager"]) });
    expect(await screen.findByRole("columnheader", { name: "On time, % (against each rule's target)" })).toBeTruthy();
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
