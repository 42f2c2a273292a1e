// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { SettingsResponse } from "../../../../src/api/contract.js";
import { SettingsView } from "../../../../tab/src/views/settings-view.js";
import { fakeApi, ok } from "../support/fake-api.js";
import { aMe, aStaffMember } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

const settings: SettingsResponse = {
  profileId: "family-solutions",
  profiles: [
    { id: "family-solutions", name: "Family Solutions" },
    { id: "bexley", name: "Bexley Family Wellbeing" },
  ],
  closureDays: ["2026-12-24"],
  bankHolidays: [],
  chatIds: { duty: "19:duty@thread.v2" },
  sharedCardDetail: "reference-and-kind",
  retentionMonths: {
    "closed-at-screening": 24,
    "closed-after-maam": 36,
    "ignored-mail": 3,
    "closed-after-casework": 72,
    "not-a-contact": 3,
  },
  retentionSaved: false,
  accessibilityContact: { name: "Digital Accessibility Team" },
  etag: 'W/"settings-1"',
};
const staff = () => ok({ staff: [aStaffMember("p1", "Ash Practitioner", ["practitioner"])] });

describe("settings (admin)", () => {
  it("saves the profile, closure days, chats and what shared cards show with the settings' ETag", async () => {
    const api = fakeApi({ settings: () => ok(settings), staff, updateSettings: () => ok(settings) });
    renderView(<SettingsView />, { api, me: aMe(["admin"]) });
    const form = await screen.findByRole("form", { name: "Service settings" });
    fireEvent.change(within(form).getByLabelText("Practice framework profile"), { target: { value: "bexley" } });
    fireEvent.change(within(form).getByLabelText(/Closure days/), { target: { value: "2026-12-24\n2026-12-29\n" } });
    fireEvent.change(within(form).getByLabelText("Screening chat id"), { target: { value: "19:screen@thread.v2" } });
    fireEvent.change(within(form).getByLabelText("What cards in group chats show of a case"), {
      target: { value: "with-initials" },
    });
    fireEvent.change(within(form).getByLabelText("Their email address"), {
      target: { value: "access@council.example" },
    });
    fireEvent.click(within(form).getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(api.callsTo("updateSettings")).toHaveLength(1));
    expect(api.callsTo("updateSettings")[0]?.args).toEqual([
      {
        profileId: "bexley",
        closureDays: ["2026-12-24", "2026-12-29"],
        chatIds: { duty: "19:duty@thread.v2", screening: "19:screen@thread.v2" },
        sharedCardDetail: "with-initials",
        accessibilityContact: { name: "Digital Accessibility Team", email: "access@council.example" },
      },
      'W/"settings-1"',
    ]);
  });

  it("changes the centre's own timescale for Bexley's letters, which the procedure leaves to local practice", async () => {
    const letters = { amount: 1, unit: "working-days" };
    const bexley: SettingsResponse = {
      ...settings,
      profileId: "bexley",
      localTimescales: [
        {
          ruleId: "acknowledgement",
          ruleName: "Acknowledge the referrer",
          timescale: letters,
          defaultTimescale: letters,
        },
      ],
    };
    const api = fakeApi({ settings: () => ok(bexley), staff, updateSettings: () => ok(bexley) });
    renderView(<SettingsView />, { api, me: aMe(["admin"]) });
    const form = await screen.findByRole("form", { name: "Service settings" });
    const field = within(form).getByLabelText("Acknowledge the referrer within (working days)");
    expect(
      within(form).getByText(/Local practice: the procedure sets no timescale. The default is 1 working day./),
    ).toBeTruthy();
    fireEvent.change(field, { target: { value: "2" } });
    fireEvent.click(within(form).getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(api.callsTo("updateSettings")).toHaveLength(1));
    expect(api.callsTo("updateSettings")[0]?.args[0]).toMatchObject({
      localTimescales: { acknowledgement: { amount: 2, unit: "working-days" } },
    });
  });

  it("imports a GOV.UK bank-holidays file", async () => {
    const api = fakeApi({
      settings: () => ok(settings),
      staff,
      importBankHolidays: () => ok({ imported: 2, firstDate: "2027-01-01", lastDate: "2027-03-26", etag: "x" }),
    });
    renderView(<SettingsView />, { api, me: aMe(["admin"]) });
    const form = await screen.findByRole("form", { name: "Import bank holidays" });
    const feed = { "england-and-wales": { events: [{ title: "New Year’s Day", date: "2027-01-01" }] } };
    const file = new File([JSON.stringify(feed)], "bank-holidays.json", { type: "application/json" });
    fireEvent.change(within(form).getByLabelText("GOV.UK bank-holidays.json file"), { target: { files: [file] } });
    fireEvent.click(within(form).getByRole("button", { name: "Import bank holidays" }));
    await waitFor(() => expect(api.callsTo("importBankHolidays")).toHaveLength(1));
    expect(api.callsTo("importBankHolidays")[0]?.args).toEqual([feed, 'W/"settings-1"']);
    expect(await screen.findByText("Imported 2 bank holidays (2027-01-01 to 2027-03-26).")).toBeTruthy();
  });

  it("changes a person's roles, sending the rest of their record unchanged with its ETag", async () => {
    const api = fakeApi({ settings: () => ok(settings), staff, saveStaff: () => ok(aStaffMember("p1", "Ash", [])) });
    renderView(<SettingsView />, { api, me: aMe(["admin"]) });
    const roles = await screen.findByRole("group", { name: "Roles of Ash Practitioner" });
    fireEvent.click(within(roles).getByLabelText("Duty worker"));
    fireEvent.click(screen.getByRole("button", { name: "Save roles of Ash Practitioner" }));
    await waitFor(() => expect(api.callsTo("saveStaff")).toHaveLength(1));
    expect(api.callsTo("saveStaff")[0]?.args).toEqual([
      "p1",
      { displayName: "Ash Practitioner", email: "p1@council.example", roles: ["practitioner", "duty-worker"] },
      'W/"p1"',
    ]);
  });
});
