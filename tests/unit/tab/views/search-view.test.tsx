// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../../../tab/src/app.js";
import { parseRoute, routeHash } from "../../../../tab/src/routes.js";
import { SearchView } from "../../../../tab/src/views/search-view.js";
import { fakeApi, ok } from "../support/fake-api.js";
import { aCase, aMe } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(() => {
  cleanup();
  window.location.hash = "";
});

describe("search in the tab", () => {
  it("one box on every view sends its words to #/search/…", async () => {
    const api = fakeApi({ myCases: () => ok({ items: [], workerId: "p" }) });
    renderView(<App />, { api, me: aMe(["practitioner"]) });
    const search = screen.getByRole("search", { name: "Search cases" });
    fireEvent.change(within(search).getByRole("searchbox"), { target: { value: " sam.patel@school.example " } });
    fireEvent.submit(search);
    await waitFor(() => expect(window.location.hash).toBe("#/search/sam.patel%40school.example"));
    expect(parseRoute(routeHash({ view: "search", query: "Okafor J.O." }))).toEqual({
      view: "search",
      query: "Okafor J.O.",
    });
  });

  it("shows each case found with its state, its RAG in words, and where the words were found", async () => {
    const found = { ...aCase("FC-2026-000701", { rag: "red", statePhrase: "is awaiting screening" }) };
    const api = fakeApi({
      search: () => ok({ query: "patel", items: [{ ...found, matchedOn: ["referrer", "subject"] }], more: false }),
    });
    renderView(<SearchView query="patel" />, { api, me: aMe(["duty-worker"]) });
    const table = await screen.findByRole("table", { name: /Cases found, most urgent first \(1\)/ });
    expect(within(table).getByRole("link", { name: "FC-2026-000701" })).toBeTruthy();
    expect(table.textContent).toContain("is awaiting screening");
    expect(table.textContent).toContain("Red: overdue");
    expect(table.textContent).toContain("Referrer, Subject");
    expect(api.callsTo("search")[0]?.args).toEqual(["patel"]);
  });

  it("says so when no case the person may see matches", async () => {
    const api = fakeApi({ search: () => ok({ query: "nobody", items: [], more: false }) });
    renderView(<SearchView query="nobody" />, { api, me: aMe(["practitioner"]) });
    expect(await screen.findByText("No case you may see matches “nobody”.")).toBeTruthy();
  });
});
