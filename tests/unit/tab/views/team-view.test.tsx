// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { CaseloadView } from "../../../../src/api/contract.js";
import { TeamView } from "../../../../tab/src/views/team-view.js";
import { fakeApi, ok } from "../support/fake-api.js";
import { aMe } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

const load = (staffId: string, displayName: string, rest: Partial<CaseloadView>): CaseloadView => ({
  staffId,
  displayName,
  hours: "full-time",
  openCases: 12,
  limit: 20,
  limitSource: "profile",
  over: false,
  redClocks: 0,
  ...rest,
});

describe("rule 11.3 caseloads", () => {
  it("shows each worker against the limit the API gives, and names who is over", async () => {
    const api = fakeApi({
      team: () =>
        ok({
          rule: undefined,
          overLimit: ["p2"],
          caseloads: [
            load("p1", "Ash Fulltime", { openCases: 19 }),
            load("p2", "Bo Parttime", {
              hours: "part-time",
              openCases: 13,
              limit: 12,
              limitSource: "agreed",
              over: true,
            }),
          ],
        }),
    });
    renderView(<TeamView />, { api, me: aMe(["manager"]) });
    const table = await screen.findByRole("table", { name: "Caseloads against limits" });
    // The chart above it says where its text alternative is.
    expect(screen.getByRole("figure").textContent).toContain(
      "against their caseload limit; the same figures are in the table",
    );
    const bo = within(table).getByRole("row", { name: /Bo Parttime/ });
    expect(bo.textContent).toContain("13 (1 over)");
    expect(bo.textContent).toContain("12 (agreed)");
    expect(within(table).getByRole("row", { name: /Ash Fulltime/ }).textContent).not.toContain("over");
    expect(screen.getByText("Over their caseload limit: Bo Parttime.")).toBeTruthy();
  });

  it("says nobody is over when nobody is", async () => {
    const api = fakeApi({ team: () => ok({ rule: undefined, overLimit: [], caseloads: [load("p1", "Ash", {})] }) });
    renderView(<TeamView />, { api, me: aMe(["manager"]) });
    expect(await screen.findByText("Nobody is over their caseload limit.")).toBeTruthy();
  });
});
