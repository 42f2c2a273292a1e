// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { PreAllocationItem, TriageItem } from "../../../../src/api/contract.js";
import { ApiError } from "../../../../tab/src/api/api-error.js";
import { AgendaView } from "../../../../tab/src/views/agenda-view.js";
import { PreAllocationView } from "../../../../tab/src/views/pre-allocation-view.js";
import { TriageView } from "../../../../tab/src/views/triage-view.js";
import { fakeApi, ok } from "../support/fake-api.js";
import { aCase, aMe, anAgenda } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

/** Two pages of a list, as the API hands them out: the first carries the continuation token for the second. */
const twoPages = <T,>(first: T[], second: T[]) => ({
  page: (continuation?: string) =>
    continuation === undefined ? { items: first, continuation: "page-2" } : { items: second },
});

const triageItem = (caseId: string): TriageItem => ({
  ...aCase(caseId),
  contactId: `${caseId}-c1`,
  receivedAt: "2026-11-23T09:15:00Z",
  classification: { kind: "early-help-assessment", kindLabel: "Early Help Assessment", reasons: [] },
  acknowledgement: { status: "sent" },
});

describe("long lists load a page at a time", () => {
  it("triage: Load more asks for the next page with the token and adds it below; then the button goes", async () => {
    const pages = twoPages([triageItem("FC-2026-000001")], [triageItem("FC-2026-000002")]);
    const api = fakeApi({ triage: (next) => ok(pages.page(next)) });
    renderView(<TriageView />, { api, me: aMe(["duty-worker"]) });
    const table = await screen.findByRole("table", { name: /New contacts/ });
    expect(within(table).queryByRole("link", { name: "FC-2026-000002" })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Load more contacts (1 shown)" }));
    await waitFor(() => expect(within(table).getByRole("link", { name: "FC-2026-000002" })).toBeTruthy());
    expect(api.callsTo("triage").map((c) => c.args[0])).toEqual([undefined, "page-2"]);
    expect(
      within(table)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual(["FC-2026-000001", "FC-2026-000002"]);
    expect(screen.queryByRole("button", { name: /Load more/ })).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("More contacts loaded.");
  });

  it("triage: after logging a contact by hand, reloads every page the duty worker had open", async () => {
    const pages = twoPages([triageItem("FC-2026-000010")], [triageItem("FC-2026-000011")]);
    const api = fakeApi({
      triage: (next) => ok(pages.page(next)),
      contactForm: () =>
        ok({ inputs: [{ name: "summary", label: "What it is about", required: true, type: "text" as const }] }),
      logContact: () => ok({ caseId: "FC-2026-000012", contactId: "h-1", state: "awaiting-screening" }),
    });
    renderView(<TriageView />, { api, me: aMe(["duty-worker"]) });
    fireEvent.click(await screen.findByRole("button", { name: "Load more contacts (1 shown)" }));
    await screen.findByRole("link", { name: "FC-2026-000011" });
    const form = await screen.findByRole("form", { name: "Log a contact" });
    fireEvent.change(within(form).getByLabelText(/^What it is about/), { target: { value: "A call about a family" } });
    fireEvent.click(within(form).getByRole("button", { name: "Log the contact" }));
    await waitFor(() => expect(api.callsTo("triage")).toHaveLength(4));
    expect(api.callsTo("triage").map((c) => c.args[0])).toEqual([undefined, "page-2", undefined, "page-2"]);
    expect(api.callsTo("logContact")[0]?.args).toEqual([{ summary: "A call about a family" }]);
  });

  it("pre-allocation: a failed next page says what went wrong and keeps the first page", async () => {
    const item: PreAllocationItem = aCase("FC-2026-000020");
    const api = fakeApi({
      preAllocation: (next) =>
        next === undefined
          ? ok({ items: [item], continuation: "page-2" })
          : new ApiError("API.UNAVAILABLE", "The list could not be read just now. Try again.", 503),
    });
    renderView(<PreAllocationView />, { api, me: aMe(["duty-worker"]) });
    fireEvent.click(await screen.findByRole("button", { name: "Load more cases (1 shown)" }));
    expect(await screen.findByText(/The list could not be read just now/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "FC-2026-000020" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Load more cases (1 shown)" })).toBeTruthy();
  });

  it("agendas: the rest of what is still open, under the same decisions made today", async () => {
    const api = fakeApi({
      agenda: (_panel, next) =>
        ok(
          next === undefined
            ? anAgenda({ open: [aCase("FC-2026-000030")], continuation: "page-2" })
            : anAgenda({ open: [aCase("FC-2026-000031")] }),
        ),
      staff: () => ok({ staff: [] }),
    });
    renderView(<AgendaView panel="screening" />, { api, me: aMe(["duty-worker"]) });
    expect(await screen.findByText(/1 or more still open/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Load more open cases (1 shown)" }));
    await screen.findByRole("article", { name: "Case FC-2026-000031" });
    expect(screen.getByRole("article", { name: "Case FC-2026-000030" })).toBeTruthy();
    expect(screen.getByText(/2 still open/)).toBeTruthy();
    expect(api.callsTo("agenda").map((c) => c.args)).toEqual([
      ["screening", undefined],
      ["screening", "page-2"],
    ]);
  });
});
