// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../../tab/src/app.js";
import { parseRoute } from "../../../tab/src/routes.js";
import { fakeApi, ok } from "./support/fake-api.js";
import { aMe, anAgenda } from "./support/fixtures.js";
import { renderView } from "./support/render-view.js";

afterEach(() => {
  cleanup();
  window.location.hash = "";
});

/** Exactly these tabs, in this order, found by their accessible names. */
function expectTabs(names: string[]) {
  const tabs = screen.getAllByRole("tab");
  expect(tabs).toHaveLength(names.length);
  names.forEach((name, i) => expect(tabs[i]).toBe(screen.getByRole("tab", { name })));
}

describe("navigation by role", () => {
  it("a practitioner sees only their cases", () => {
    renderView(<App />, {
      api: fakeApi({ myCases: () => ok({ items: [], workerId: "p" }) }),
      me: aMe(["practitioner"]),
    });
    expectTabs(["My cases"]);
  });

  it("a duty worker sees triage, daily screening, the profile's panels, the Pre-Allocation List and cases", () => {
    renderView(<App />, { api: fakeApi({ triage: () => ok({ items: [] }) }), me: aMe(["duty-worker"]) });
    expectTabs(["Triage", "Daily screening", "MAAM", "Pre-Allocation List", "My cases"]);
  });

  it("only an administrator sees Settings", () => {
    renderView(<App />, { api: fakeApi({}), me: aMe(["manager", "admin"]) });
    expect(screen.getByRole("tab", { name: "Settings" })).toBeTruthy();
    cleanup();
    renderView(<App />, { api: fakeApi({}), me: aMe(["manager"]) });
    expect(screen.queryByRole("tab", { name: "Settings" })).toBeNull();
    expect(screen.getByRole("tab", { name: "Compliance" })).toBeTruthy();
  });

  it("opens the view the hash names and moves focus to its heading", async () => {
    window.location.hash = "#/team";
    const api = fakeApi({ team: () => ok({ rule: undefined, caseloads: [], overLimit: [] }) });
    renderView(<App />, { api, me: aMe(["manager"]) });
    const heading = screen.getByRole("heading", { level: 2, name: "Team" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByRole("tab", { name: "Team" }).getAttribute("aria-selected")).toBe("true");
  });

  it("opens the case a Teams deep link names (TeamsJS subPageId), over the static tab's own view", async () => {
    window.location.hash = "#/triage";
    const api = fakeApi({ triage: () => ok({ items: [] }) });
    renderView(<App subPageId="case/FC-2026-000001" />, { api, me: aMe(["duty-worker"]) });
    await waitFor(() => expect(api.callsTo("caseDetail")[0]?.args).toEqual(["FC-2026-000001"]));
    expect(api.callsTo("triage")).toEqual([]);
    expect(window.location.hash).toBe("#/case/FC-2026-000001");
  });

  it("ignores a subPageId that names no view", () => {
    window.location.hash = "#/triage";
    renderView(<App subPageId="nothing/here" />, {
      api: fakeApi({ triage: () => ok({ items: [] }) }),
      me: aMe(["duty-worker"]),
    });
    expect(screen.getByRole("tab", { name: "Triage" }).getAttribute("aria-selected")).toBe("true");
  });

  it("in a meeting's side panel shows the panel's agenda compactly, without the navigation", async () => {
    const api = fakeApi({ agenda: () => ok(anAgenda({ panel: "maam" })), staff: () => ok({ staff: [] }) });
    renderView(<App frameContext="sidePanel" />, { api, me: aMe(["panel-member"]) });
    expect(await screen.findByRole("heading", { name: "MAAM agenda" })).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(api.callsTo("agenda")[0]?.args[0]).toBe("maam");
    await screen.findByRole("article", { name: "Case FC-2026-000001" });
    expect(screen.queryByRole("table", { name: /Clocks for/ })).toBeNull();
  });

  it("in a meeting's side panel shows the agenda its tab was set up with", async () => {
    window.location.hash = "#/agenda/screening";
    const api = fakeApi({ agenda: () => ok(anAgenda()), staff: () => ok({ staff: [] }) });
    renderView(<App frameContext="sidePanel" />, { api, me: aMe(["panel-member"]) });
    expect(await screen.findByRole("heading", { name: "Daily screening agenda" })).toBeTruthy();
    expect(api.callsTo("agenda")[0]?.args[0]).toBe("screening");
  });

  it("opens the configurable tab's setup page (#/configure) on its own, without the navigation", () => {
    window.location.hash = "#/configure";
    renderView(<App />, { api: fakeApi({}), me: aMe(["manager"]) });
    expect(screen.getByRole("heading", { level: 2, name: "Set up the Family Centre tab" })).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
  });
});

describe("hash routes", () => {
  it("reads each view, a panel's agenda and a case", () => {
    expect(parseRoute("#/agenda/transfer-panel")).toEqual({ view: "agenda", panel: "transfer-panel" });
    expect(parseRoute("#/case/FC-2026-000123")).toEqual({ view: "case", caseId: "FC-2026-000123" });
    expect(parseRoute("#/compliance")).toEqual({ view: "compliance" });
    expect(parseRoute("#/configure")).toEqual({ view: "configure" });
    expect(parseRoute("#/agenda/coffee")).toBeUndefined();
    expect(parseRoute("")).toBeUndefined();
  });
});
