import { describe, expect, it } from "vitest";
import { CENTRE_SETTINGS_KEY } from "../../../src/app/settings/centre-settings.js";
import { centreProfile } from "../../../src/compose/centre-profile.js";
import { englandAndWalesBankHolidays } from "../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../src/domain/calendar/create-calendar.js";
import type { Profile } from "../../../src/domain/rules/profile-schema.js";
import { deadlines } from "../../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";
import { aCase } from "../../../dev/builders/case-builder.js";

const bexley = loadProfile("bexley");
const calendar = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2026, 2027) });
const twoDays = {
  profileId: "bexley",
  closureDays: [],
  chatIds: {},
  localTimescales: { acknowledgement: { amount: 2, unit: "working-days" as const } },
};

/** The acknowledgement owed for a Bexley referral received on Monday 23 November 2026. */
const acknowledgementDue = (profile: Profile) => {
  const kase = aCase().underProfile(profile).receivedAt("2026-11-23T10:00:00.000Z").build();
  return deadlines(kase, profile, calendar, new Date("2026-11-23T11:00:00.000Z")).find(
    (d) => d.ruleId === "acknowledgement",
  )?.maximum?.londonDate;
};

describe("the profile in force follows the centre's Settings", () => {
  it("acknowledges a Bexley referral within 1 working day by default (local practice)", async () => {
    const { current } = await centreProfile(bexley, createMemoryStore().settings);
    expect(acknowledgementDue(current())).toBe("2026-11-24");
  });

  it("applies a timescale saved in Settings to the next clock at once, without a restart", async () => {
    const { current, settings } = await centreProfile(bexley, createMemoryStore().settings);
    await settings.put(CENTRE_SETTINGS_KEY, twoDays);
    expect(acknowledgementDue(current())).toBe("2026-11-25");
  });

  it("reads the timescale saved before the service started", async () => {
    const store = createMemoryStore();
    await store.settings.put(CENTRE_SETTINGS_KEY, twoDays);
    const { current } = await centreProfile(bexley, store.settings);
    expect(acknowledgementDue(current())).toBe("2026-11-25");
  });
});
