import { describe, expect, it } from "vitest";
import { CENTRE_SETTINGS_KEY } from "../../../src/app/settings/centre-settings.js";
import { centreCalendar } from "../../../src/compose/centre-calendar.js";
import { loadConfig } from "../../../src/compose/config.js";
import { englandAndWalesBankHolidays } from "../../../src/domain/calendar/bank-holidays.js";
import type { Calendar } from "../../../src/domain/calendar/calendar.js";
import { deadlines } from "../../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import type { CentreSettings } from "../../../src/ports/records.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";
import { aCase } from "../../../dev/builders/case-builder.js";

const practice = loadConfig({ FC_MODE: "local" }).centres[0].practice;
const profile = loadProfile("family-solutions");
const NOW = new Date("2026-06-10T09:00:00.000Z");
const clock = { now: () => NOW };
/** GOV.UK's 2026 list for England & Wales, as an admin imports it, with one more day the government announced. */
const IMPORTED = [...englandAndWalesBankHolidays(2026, 2026), { date: "2026-06-11", name: "Extra bank holiday" }];
const settingsWith = (change: Partial<CentreSettings>): CentreSettings => ({
  profileId: "family-solutions",
  closureDays: [],
  chatIds: {},
  ...change,
});

/** Rule 1.2's expectation for a contact received on Wednesday 10 June 2026 at 11:00 London time. */
const acknowledgementDue = (calendar: Calendar) => {
  const kase = aCase().receivedAt("2026-06-10T10:00:00.000Z").build();
  return deadlines(kase, profile, calendar, NOW).find((d) => d.ruleId === "1.2")?.expected?.at;
};

describe("the centre's calendar follows its Settings", () => {
  it("is due by the end of the next working day (Thursday) with no holidays imported", async () => {
    const { calendar } = await centreCalendar(practice, createMemoryStore().settings, clock);
    expect(acknowledgementDue(calendar)).toBe("2026-06-11T22:59:59.999Z");
  });

  it("moves the deadline past a day imported as a bank holiday as soon as the import is saved", async () => {
    const store = createMemoryStore();
    const { calendar, settings } = await centreCalendar(practice, store.settings, clock);

    await settings.put(CENTRE_SETTINGS_KEY, settingsWith({ bankHolidays: IMPORTED }));

    expect(calendar.nonWorkingReason("2026-06-11")).toMatchObject({ reason: "bank-holiday" });
    expect(acknowledgementDue(calendar)).toBe("2026-06-12T22:59:59.999Z");
  });

  it("uses the holidays imported before the service started", async () => {
    const store = createMemoryStore();
    await store.settings.put(CENTRE_SETTINGS_KEY, settingsWith({ bankHolidays: IMPORTED }));

    const { calendar } = await centreCalendar(practice, store.settings, clock);

    expect(acknowledgementDue(calendar)).toBe("2026-06-12T22:59:59.999Z");
  });

  it("counts a closure day saved in Settings as not a working day, beside the configured ones", async () => {
    const store = createMemoryStore();
    const { calendar, settings } = await centreCalendar(practice, store.settings, clock);

    await settings.put(CENTRE_SETTINGS_KEY, settingsWith({ closureDays: ["2026-06-11"] }));

    expect(calendar.nonWorkingReason("2026-06-11")).toMatchObject({ reason: "closure-day" });
    expect(acknowledgementDue(calendar)).toBe("2026-06-12T22:59:59.999Z");
  });

  it("leaves the calendar alone when another Settings record is saved", async () => {
    const store = createMemoryStore();
    const { calendar, settings } = await centreCalendar(practice, store.settings, clock);

    await settings.put("another-centre", settingsWith({ bankHolidays: IMPORTED }));

    expect(acknowledgementDue(calendar)).toBe("2026-06-11T22:59:59.999Z");
  });
});

describe("the centre's calendar reaches back for old records", () => {
  it("computes rule 1.2 for a contact received three years ago (a closed case opened in the tab)", async () => {
    const { calendar } = await centreCalendar(practice, createMemoryStore().settings, clock);
    const kase = aCase().receivedAt("2023-04-06T10:00:00.000Z").build(); // the Thursday before Good Friday
    const due = deadlines(kase, profile, calendar, NOW).find((d) => d.ruleId === "1.2")?.expected?.at;
    expect(due).toBe("2023-04-11T22:59:59.999Z"); // Good Friday and Easter Monday are not working days
  });
});
