// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MyCasesView } from "../../../../tab/src/views/my-cases-view.js";
import { fakeApi, ok } from "../support/fake-api.js";
import { aCase, aClock, aMe } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

const overdue = aCase("FC-2026-000010", {
  rag: "red",
  clocks: [aClock({ ruleId: "4.1b", ruleName: "First visit", status: "overdue", rag: "red" })],
});
const onTrack = aCase("FC-2026-000011", { rag: "green" });

describe("my cases in RAG order", () => {
  it("lists the cases in the order the API ranks them, with each clock's rule and status in words", async () => {
    const api = fakeApi({ myCases: () => ok({ items: [overdue, onTrack], workerId: "prac-1" }) });
    renderView(<MyCasesView />, { api, me: aMe(["practitioner"]) });
    const list = await screen.findByRole("list", { name: "My cases, most urgent first" });
    const items = within(list).getAllByRole("listitem");
    expect(items[0]?.textContent).toContain("FC-2026-000010");
    expect(items[0]?.textContent).toContain("Red: overdue");
    expect(items[0]?.textContent).toContain("4.1b First visit");
    expect(items[1]?.textContent).toContain("Green: on track");
  });

  it("rule 11.5: marks a case a manager flagged high risk, and only that one", async () => {
    const flagged = { ...overdue, highRisk: true as const };
    const api = fakeApi({ myCases: () => ok({ items: [flagged, onTrack], workerId: "prac-1" }) });
    renderView(<MyCasesView />, { api, me: aMe(["practitioner"]) });
    const list = await screen.findByRole("list", { name: "My cases, most urgent first" });
    const items = within(list).getAllByRole("listitem");
    expect(items[0]?.textContent).toContain("FC-2026-000010 High risk");
    expect(items[1]?.textContent).not.toContain("High risk");
  });

  it("leaves recording to the case's own page: each case links there, and no form is written per command here", async () => {
    const api = fakeApi({ myCases: () => ok({ items: [overdue], workerId: "prac-1" }) });
    renderView(<MyCasesView />, { api, me: aMe(["practitioner"]) });
    const list = await screen.findByRole("list", { name: "My cases, most urgent first" });
    expect(within(list).getByRole("link", { name: /FC-2026-000010/ })).toBeTruthy();
    expect(within(list).queryByRole("form")).toBeNull();
  });
});
