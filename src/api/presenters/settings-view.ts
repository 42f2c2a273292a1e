import type { LocalTimescale } from "../../app/settings/centre-settings.js";
import type { CentreSettings, Versioned } from "../../ports/records.js";
import type { SettingsResponse } from "../contract.js";

export const settingsView = (
  saved: Versioned<CentreSettings>,
  profiles: SettingsResponse["profiles"],
  localTimescales: readonly LocalTimescale[],
): SettingsResponse => ({
  profileId: saved.value.profileId,
  profiles,
  closureDays: saved.value.closureDays,
  bankHolidays: (saved.value.bankHolidays ?? []).map((h) => ({ date: h.date, title: h.name })),
  chatIds: saved.value.chatIds,
  localTimescales,
  etag: saved.etag,
});
