import { parseGovUkBankHolidays } from "../../domain/calendar/bank-holidays.js";
import type { CentreSettings, Versioned } from "../../ports/records.js";
import type { ApiDeps } from "../api-deps.js";
import type { BankHolidayImportResult, SettingsResponse, SettingsUpdate } from "../contract.js";
import { badRequest, staleEtag } from "../errors.js";

/** The Settings table's one row for the centre (the bot reads the same key for its chats). */
export const CENTRE_SETTINGS_KEY = "centre";
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The ETag of settings never saved yet, so the first change is guarded like every other. */
const UNSAVED_ETAG = '"unsaved"';

async function current(deps: ApiDeps): Promise<Versioned<CentreSettings> | undefined> {
  return deps.settings.get(CENTRE_SETTINGS_KEY);
}

const defaults = (deps: ApiDeps): CentreSettings => ({ profileId: deps.app.profile.id, closureDays: [], chatIds: {} });

function view(deps: ApiDeps, settings: CentreSettings, etag: string): SettingsResponse {
  return {
    profileId: settings.profileId,
    profiles: deps.profiles,
    closureDays: settings.closureDays,
    bankHolidays: (settings.bankHolidays ?? []).map((h) => ({ date: h.date, title: h.name })),
    chatIds: settings.chatIds,
    etag,
  };
}

export async function readSettings(deps: ApiDeps): Promise<SettingsResponse> {
  const stored = await current(deps);
  return view(deps, stored?.value ?? defaults(deps), stored?.etag ?? UNSAVED_ETAG);
}

/** Writes over exactly the ETag read; the first write (no row yet) carries the "unsaved" ETag readSettings gave. */
async function write(deps: ApiDeps, etag: string, change: (s: CentreSettings) => CentreSettings) {
  const stored = await current(deps);
  if ((stored?.etag ?? UNSAVED_ETAG) !== etag) throw staleEtag("The settings");
  const next = change(stored?.value ?? defaults(deps));
  return deps.settings.put(CENTRE_SETTINGS_KEY, next, stored?.etag);
}

export async function updateSettings(deps: ApiDeps, etag: string, update: SettingsUpdate): Promise<SettingsResponse> {
  if (update.profileId !== undefined && !deps.profiles.some((p) => p.id === update.profileId)) {
    throw badRequest(`There is no practice framework profile "${update.profileId}".`);
  }
  if (update.closureDays?.some((d) => typeof d !== "string" || !DATE.test(d))) {
    throw badRequest("Give closure days as YYYY-MM-DD dates.");
  }
  const written = await write(deps, etag, (s) => ({
    ...s,
    ...(update.profileId === undefined ? {} : { profileId: update.profileId }),
    ...(update.closureDays === undefined ? {} : { closureDays: [...new Set(update.closureDays)].sort() }),
    ...(update.chatIds === undefined ? {} : { chatIds: { ...update.chatIds } }),
  }));
  return view(deps, written.value, written.etag);
}

/** Replaces the imported bank holidays with GOV.UK's list (England & Wales division). */
export async function importBankHolidays(deps: ApiDeps, etag: string, text: string): Promise<BankHolidayImportResult> {
  const holidays = parseGovUkBankHolidays(text);
  const written = await write(deps, etag, (s) => ({ ...s, bankHolidays: holidays }));
  return {
    imported: holidays.length,
    ...(holidays[0] ? { firstDate: holidays[0].date } : {}),
    ...(holidays.at(-1) ? { lastDate: holidays.at(-1)?.date } : {}),
    etag: written.etag,
  };
}
