// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PreAllocationView } from "../../../../tab/src/views/pre-allocation-view.js";
import { aMutationResult, fakeApi, ok } from "../support/fake-api.js";
import { aCase, aClock, aMe } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

describe("rule 3.3 weekly contact while on the Pre-Allocation List", () => {
  it("shows when the family was last contacted and when the next contact is due, with the rule", async () => {
    const contactClock = aClock({
      ruleId: "3.3",
      ruleName: "Weekly contact",
      expected: undefined,
      maximum: { at: "2026-11-30T23:59:59Z", londonDate: "2026-11-30" },
      rag: "red",
      status: "overdue",
    });
    const api = fakeApi({
      preAllocation: () =>
        ok({
          items: [
            {
              ...aCase("FC-2026-000020", { state: "pre-allocation" }),
              contactClock,
              lastContactAt: "2026-11-23T14:00:00Z",
            },
          ],
        }),
    });
    renderView(<PreAllocationView />, { api, me: aMe(["duty-worker"]) });
    const table = await screen.findByRole("table", { name: /Cases waiting for a worker/ });
    const row = within(table).getByRole("row", { name: /FC-2026-000020/ });
    expect(row.textContent).toContain("Mon, 23 Nov 2026, 14:00");
    expect(row.textContent).toContain("Mon, 30 Nov 2026, 23:59");
    expect(row.textContent).toContain("Rule 3.3");
    expect(row.textContent).toContain("Red: overdue");
  });

  it("records this week's contact with the family, with the case's ETag, and reloads the list", async () => {
    const api = fakeApi({
      preAllocation: () => ok({ items: [aCase("FC-2026-000021", { state: "pre-allocation" })] }),
      recordEvent: () => aMutationResult("FC-2026-000021"),
    });
    renderView(<PreAllocationView />, { api, me: aMe(["duty-worker"]) });
    fireEvent.click(await screen.findByRole("button", { name: "Record contact with the family of FC-2026-000021" }));
    await waitFor(() => expect(api.callsTo("recordEvent")).toHaveLength(1));
    expect(api.callsTo("recordEvent")[0]?.args).toEqual([
      "FC-2026-000021",
      { type: "pre-allocation-contact" },
      'W/"FC-2026-000021-1"',
    ]);
    await waitFor(() => expect(api.callsTo("preAllocation")).toHaveLength(2));
  });
});
