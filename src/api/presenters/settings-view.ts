import type { LocalTimescale } from "../../app/settings/centre-settings.js";
import { PLACEHOLDER_RETENTION_MONTHS, RETENTION_OUTCOMES } from "../../domain/privacy/retention.js";
import { DEFAULT_SHARED_CARD_DETAIL } from "../../domain/privacy/shared-card-detail.js";
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
  sharedCardDetail: saved.value.sharedCardDetail ?? DEFAULT_SHARED_CARD_DETAIL,
  retentionMonths: { ...PLACEHOLDER_RETENTION_MONTHS, ...saved.value.retentionMonths },
  retentionSaved: RETENTION_OUTCOMES.every((o) => typeof saved.value.retentionMonths?.[o] === "number"),
  accessibilityContact: saved.value.accessibilityContact ?? {},
  etag: saved.etag,
});
