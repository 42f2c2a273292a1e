// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../../../../tab/src/api/api-error.js";
import { AgendaView } from "../../../../tab/src/views/agenda-view.js";
import { aMutationResult, fakeApi, ok } from "../support/fake-api.js";
import { aMe, aStaffMember, anAgenda } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

const staff = () =>
  ok({
    staff: [aStaffMember("prac-1", "Pri Practitioner", ["practitioner"]), aStaffMember("mgr", "Max", ["manager"])],
  });

describe("rule 2.1 daily screening agenda", () => {
  it("shows today's open items with their clocks and the decisions already made", async () => {
    const api = fakeApi({
      agenda: () =>
        ok(
          anAgenda({
            decidedToday: [
              {
                caseId: "FC-2026-000009",
                outcome: "maam",
                outcomeLabel: "Present at MAAM",
                at: "2026-11-23T10:00:00Z",
                by: { kind: "staff", id: "staff-duty", displayName: "Dana Duty" },
              },
            ],
          }),
        ),
      staff,
    });
    renderView(<AgendaView panel="screening" />, { api, me: aMe(["duty-worker"]) });
    expect(await screen.findByText(/1 still open, 1 decided today/)).toBeTruthy();
    const item = screen.getByRole("article", { name: "Case FC-2026-000001" });
    expect(within(item).getByRole("table", { name: "Clocks for FC-2026-000001" }).textContent).toContain(
      "Family Solutions Practice Framework §1.2",
    );
    const decided = screen.getByRole("table", { name: "Decisions made today" });
    expect(decided.textContent).toContain("Present at MAAM");
    expect(decided.textContent).toContain("Dana Duty");
    expect(api.callsTo("agenda")[0]?.args[0]).toBe("screening");
  });

  it("records a decision with the worker the chosen option needs, and the case's ETag", async () => {
    const api = fakeApi({ agenda: () => ok(anAgenda()), staff, decide: () => aMutationResult("FC-2026-000001") });
    renderView(<AgendaView panel="screening" />, { api, me: aMe(["duty-worker"]) });
    const form = await screen.findByRole("form", { name: "Decision for FC-2026-000001" });
    const submit = within(form).getByRole("button", { name: "Record decision" });
    fireEvent.click(within(form).getByLabelText("Step down to Early Help"));
    expect((submit as HTMLButtonElement).disabled).toBe(true); // a worker is still needed
    await waitFor(() => expect(within(form).getAllByRole("option").length).toBeGreaterThan(1));
    fireEvent.change(within(form).getByLabelText(/Allocate to/), { target: { value: "prac-1" } });
    fireEvent.click(submit);
    await waitFor(() => expect(api.callsTo("decide")).toHaveLength(1));
    expect(api.callsTo("decide")[0]?.args).toEqual([
      "FC-2026-000001",
      { panel: "screening", outcome: "step-down-early-help", workerId: "prac-1" },
      'W/"FC-2026-000001-1"',
    ]);
    expect(within(form).queryByRole("option", { name: "Max" })).toBeNull(); // only practitioners are offered
  });

  it("reloads and says someone else changed the case when the decision meets a stale ETag (412)", async () => {
    const api = fakeApi({
      agenda: () => ok(anAgenda()),
      staff,
      decide: () => new ApiError("API.STALE_ETAG", "The case changed.", 412),
    });
    renderView(<AgendaView panel="screening" />, { api, me: aMe(["duty-worker"]) });
    const form = await screen.findByRole("form", { name: "Decision for FC-2026-000001" });
    fireEvent.click(within(form).getByLabelText("Present at MAAM"));
    fireEvent.click(within(form).getByRole("button", { name: "Record decision" }));
    await waitFor(() => expect(api.callsTo("agenda")).toHaveLength(2));
    expect(screen.getByRole("status").textContent).toMatch(/Someone else changed this case/);
  });

  it("does not offer the decision to someone whose roles may not decide on this panel", async () => {
    const api = fakeApi({ agenda: () => ok(anAgenda({ deciderRoles: ["panel-member"] })), staff });
    renderView(<AgendaView panel="maam" />, { api, me: aMe(["practitioner"]) });
    expect(await screen.findByText("Only panel-member may record a decision here.")).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
  });
});
