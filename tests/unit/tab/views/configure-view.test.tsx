// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { pageConfigHost, type PageConfigHost, type TabConfig } from "../../../../tab/src/host/tab-config.js";
import { ConfigureView } from "../../../../tab/src/views/configure-view.js";
import { fakeApi } from "../support/fake-api.js";
import { aMe } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

const PAGE = "https://fc.council.example/tab/?as=staff-duty#/configure";

/** Teams' side of the setup page: the Save button's state, and the handler Teams calls on Save. */
function fakeHost() {
  const validity: boolean[] = [];
  let save: (() => TabConfig | undefined) | undefined;
  const host: PageConfigHost = {
    setValidity: (valid) => validity.push(valid),
    onSave: (current) => (save = current),
  };
  return { host, validity, save: () => save?.() };
}

describe("the configurable tab's setup page (channels, chats, meetings)", () => {
  it("in Teams, enables Save once a view is chosen and saves that view's address, id and name", async () => {
    const teams = fakeHost();
    renderView(<ConfigureView pageConfig={teams.host} pageUrl={PAGE} />, { api: fakeApi({}), me: aMe(["manager"]) });
    await waitFor(() => expect(teams.validity).toEqual([false]));
    expect(teams.save()).toBeUndefined();

    fireEvent.click(screen.getByRole("radio", { name: "MAAM agenda" }));
    await waitFor(() => expect(teams.validity.at(-1)).toBe(true));
    expect(teams.save()).toEqual({
      entityId: "agenda-maam",
      contentUrl: "https://fc.council.example/tab/#/agenda/maam",
      websiteUrl: "https://fc.council.example/tab/#/agenda/maam",
      suggestedDisplayName: "MAAM agenda",
    });
    expect(screen.queryByRole("definition")).toBeNull();
  });

  it("offers triage, daily screening and the profile's panels, the lists, team and compliance, never Settings", () => {
    renderView(<ConfigureView pageUrl={PAGE} />, { api: fakeApi({}), me: aMe(["admin"]) });
    const names = screen.getAllByRole("radio").map((r) => r.closest("span,div")?.textContent);
    expect(names).toEqual([
      "Triage queue",
      "Daily screening agenda",
      "MAAM agenda",
      "Pre-Allocation List",
      "My cases",
      "Team caseloads",
      "Compliance",
    ]);
  });

  it("outside a host, shows what Save would store", () => {
    renderView(<ConfigureView pageUrl={PAGE} />, { api: fakeApi({}), me: aMe(["duty-worker"]) });
    expect(screen.getByText(/choose a view to see what the tab would save/)).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "Triage queue" }));
    const stored = screen.getByLabelText("What Save would store");
    const text = within(stored)
      .getAllByRole("definition")
      .map((d) => d.textContent);
    expect(text).toEqual(["Triage queue", "https://fc.council.example/tab/#/triage", "triage"]);
  });
});

describe("Save, through teams-js pages.config", () => {
  function fakePagesConfig(setConfigFails = false) {
    const log: string[] = [];
    let handler: ((save: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void) | undefined;
    const pressSave = () =>
      new Promise<void>((resolve) =>
        handler?.({
          notifySuccess: () => (log.push("success"), resolve()),
          notifyFailure: (reason) => (log.push(`failure: ${reason ?? ""}`), resolve()),
        }),
      );
    const config = {
      setValidityState: (valid: boolean) => void log.push(`valid: ${valid}`),
      registerOnSaveHandler: (h: typeof handler) => void (handler = h),
      setConfig: (c: TabConfig) =>
        setConfigFails
          ? Promise.reject(new Error("Teams could not save the tab."))
          : (log.push(`setConfig ${c.entityId}`), Promise.resolve()),
    };
    return { config, log, pressSave };
  }
  const maam: TabConfig = {
    entityId: "agenda-maam",
    contentUrl: "https://fc.council.example/tab/#/agenda/maam",
    websiteUrl: "https://fc.council.example/tab/#/agenda/maam",
    suggestedDisplayName: "MAAM agenda",
  };

  it("stores the chosen view with setConfig, then tells Teams it succeeded", async () => {
    const teams = fakePagesConfig();
    const host = pageConfigHost(teams.config);
    host.setValidity(true);
    host.onSave(() => maam);
    await teams.pressSave();
    expect(teams.log).toEqual(["valid: true", "setConfig agenda-maam", "success"]);
  });

  it("tells Teams why when nothing is chosen or setConfig fails, so the dialog stays open", async () => {
    const none = fakePagesConfig();
    pageConfigHost(none.config).onSave(() => undefined);
    await none.pressSave();
    expect(none.log).toEqual(["failure: Choose what this tab shows first."]);

    const failing = fakePagesConfig(true);
    pageConfigHost(failing.config).onSave(() => maam);
    await failing.pressSave();
    expect(failing.log).toEqual(["failure: Teams could not save the tab."]);
  });
});
