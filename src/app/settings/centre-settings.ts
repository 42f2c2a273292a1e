import { parseGovUkBankHolidays } from "../../domain/calendar/bank-holidays.js";
import { timescaleSchema, type Timescale } from "../../domain/rules/timescale.js";
import { localPracticeRules } from "../../policy/local-practice.js";
import { loadProfile } from "../../policy/profiles/index.js";
import { MAX_RETENTION_MONTHS, RETENTION_OUTCOMES } from "../../domain/privacy/retention.js";
import { isSharedCardDetail, SHARED_CARD_DETAILS } from "../../domain/privacy/shared-card-detail.js";
import { isWriteRace } from "../../ports/errors.js";
import type { AccessibilityContact, CentreSettings, Versioned } from "../../ports/records.js";
import type { AppDeps } from "../app-deps.js";
import { audit } from "../audit.js";
import { changedSinceRead } from "../errors.js";
import { isRefused, refused, refusalsAsValues, type Refused } from "../outcome.js";
import type { StaffCaller } from "../people.js";

/** The Settings table's one row for the centre: the tab, the bot's chats and the calendar all read it. */
export const CENTRE_SETTINGS_KEY = "centre";
/** The ETag of settings never saved yet, so the first change is guarded like every other. */
export const UNSAVED_ETAG = '"unsaved"';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type SettingsDeps = Pick<AppDeps, "settings" | "profile">;
/** A change by a person: audited. */
type ChangeDeps = SettingsDeps & Pick<AppDeps, "audit" | "clock">;

/** The centre's settings as saved, or the defaults before anyone saved them. */
export async function readCentreSettings(deps: SettingsDeps): Promise<Versioned<CentreSettings>> {
  const stored = await deps.settings.get(CENTRE_SETTINGS_KEY);
  return stored ?? { value: { profileId: deps.profile.id, closureDays: [], chatIds: {} }, etag: UNSAVED_ETAG };
}

/** Writes over exactly the ETag the admin read; the first write (no row yet) carries the "unsaved" ETag. */
async function write(deps: SettingsDeps, etag: string | undefined, change: (s: CentreSettings) => CentreSettings) {
  const stored = await deps.settings.get(CENTRE_SETTINGS_KEY);
  if (etag !== undefined && (stored?.etag ?? UNSAVED_ETAG) !== etag) throw changedSinceRead("The settings");
  const current = stored?.value ?? (await readCentreSettings(deps)).value;
  return deps.settings.put(CENTRE_SETTINGS_KEY, change(current), stored?.etag);
}

export interface SettingsChange {
  readonly profileId?: string;
  readonly closureDays?: readonly string[];
  readonly chatIds?: Readonly<Record<string, string>>;
  /** The centre's own timescale for each local-practice rule it changes, by rule id. */
  readonly localTimescales?: Readonly<Record<string, unknown>>;
  readonly sharedCardDetail?: string;
  /** Months kept after closure by outcome (see `RETENTION_OUTCOMES`); whole months, 1 to 1,200. */
  readonly retentionMonths?: Readonly<Record<string, number>>;
  readonly accessibilityContact?: AccessibilityContact;
}

const CONTACT_PARTS = ["name", "email", "phone"] as const;
const CONTACT_MAX_CHARS = 200;

/** The contact's parts trimmed, blanks dropped; undefined when a part is not text, too long, or the email is no address. */
function cleanContact(contact: AccessibilityContact): AccessibilityContact | undefined {
  const clean: Record<string, string> = {};
  for (const part of CONTACT_PARTS) {
    const value: unknown = contact[part];
    if (value === undefined) continue;
    if (typeof value !== "string" || value.length > CONTACT_MAX_CHARS) return undefined;
    if (value.trim() !== "") clean[part] = value.trim();
  }
  if (clean["email"] !== undefined && !/^[^\s@]+@[^\s@]+$/.test(clean["email"])) return undefined;
  return clean;
}

/** A local-practice timescale as Settings show it: the profile's default and the one in force. */
export interface LocalTimescale {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly timescale: Timescale;
  readonly defaultTimescale: Timescale;
}

/**
 * The timescales the centre sets itself (the profile's local-practice rules, e.g. Bexley's letters), each with the
 * profile's default; read from the profile as written, so a default is never taken for a change.
 */
export function localTimescales(deps: Pick<AppDeps, "profile">, saved: CentreSettings): LocalTimescale[] {
  return localPracticeRules(loadProfile(deps.profile.id)).flatMap((rule) => {
    const defaultTimescale = rule.maximum ?? rule.expected;
    if (defaultTimescale === undefined) return [];
    const timescale = saved.localTimescales?.[rule.id] ?? defaultTimescale;
    return [{ ruleId: rule.id, ruleName: rule.name, timescale, defaultTimescale }];
  });
}

/** The change's local timescales, each for a local-practice rule of the profile and well formed; else why not. */
function readLocalTimescales(deps: SettingsDeps, given: Readonly<Record<string, unknown>>) {
  const local = new Set(localPracticeRules(deps.profile).map((r) => r.id));
  const chosen: Record<string, Timescale> = {};
  for (const [ruleId, value] of Object.entries(given)) {
    const parsed = timescaleSchema.safeParse(value);
    if (!local.has(ruleId) || !parsed.success) {
      return refused(
        "SETTINGS.BAD_LOCAL_TIMESCALE",
        `"${ruleId}" is not a timescale the centre sets itself, or is not given as {"amount": 1, "unit": "working-days"}. ` +
          `The centre's own timescales here: ${[...local].join(", ") || "none"}.`,
      );
    }
    chosen[ruleId] = parsed.data;
  }
  return chosen;
}

/**
 * An admin changes the practice framework in force, the closure days, the chats or the centre's own timescales;
 * each change ETag-guarded, audited.
 */
export async function updateCentreSettings(
  deps: ChangeDeps,
  caller: StaffCaller,
  etag: string,
  change: SettingsChange,
  profileIds: readonly string[],
): Promise<Versioned<CentreSettings> | Refused> {
  if (change.profileId !== undefined && !profileIds.includes(change.profileId)) {
    return refused("SETTINGS.UNKNOWN_PROFILE", `There is no practice framework profile "${change.profileId}".`);
  }
  if (change.closureDays?.some((d) => typeof d !== "string" || !DATE.test(d))) {
    return refused("SETTINGS.BAD_CLOSURE_DAY", "Give closure days as YYYY-MM-DD dates.");
  }
  const local = change.localTimescales === undefined ? undefined : readLocalTimescales(deps, change.localTimescales);
  if (local !== undefined && isRefused(local)) return local;
  if (change.sharedCardDetail !== undefined && !isSharedCardDetail(change.sharedCardDetail)) {
    return refused(
      "SETTINGS.BAD_SHARED_CARD_DETAIL",
      `Choose what shared cards show: ${SHARED_CARD_DETAILS.join(", ")}.`,
    );
  }
  const months = change.retentionMonths;
  if (
    months !== undefined &&
    (typeof months !== "object" ||
      Object.entries(months).some(
        ([outcome, n]) =>
          !(RETENTION_OUTCOMES as readonly string[]).includes(outcome) ||
          !Number.isInteger(n) ||
          n < 1 ||
          n > MAX_RETENTION_MONTHS,
      ))
  ) {
    return refused(
      "SETTINGS.BAD_RETENTION",
      `Give whole months from 1 to ${MAX_RETENTION_MONTHS} for: ${RETENTION_OUTCOMES.join(", ")}.`,
    );
  }
  const detail = change.sharedCardDetail;
  const contact = change.accessibilityContact === undefined ? undefined : cleanContact(change.accessibilityContact);
  if (change.accessibilityContact !== undefined && contact === undefined) {
    return refused(
      "SETTINGS.BAD_ACCESSIBILITY_CONTACT",
      `Give the accessibility contact's name, email address and phone as text of at most ${CONTACT_MAX_CHARS} characters.`,
    );
  }
  const saved = await refusalsAsValues(() =>
    write(deps, etag, (s) => ({
      ...s,
      ...(local === undefined ? {} : { localTimescales: local }),
      ...(change.profileId === undefined ? {} : { profileId: change.profileId }),
      ...(change.closureDays === undefined ? {} : { closureDays: [...new Set(change.closureDays)].sort() }),
      ...(change.chatIds === undefined ? {} : { chatIds: { ...change.chatIds } }),
      ...(detail === undefined || !isSharedCardDetail(detail) ? {} : { sharedCardDetail: detail }),
      ...(months === undefined ? {} : { retentionMonths: { ...s.retentionMonths, ...months } }),
      ...(contact === undefined ? {} : { accessibilityContact: contact }),
    })),
  );
  if (!isRefused(saved)) {
    const fields = (
      [
        "profileId",
        "closureDays",
        "chatIds",
        "localTimescales",
        "sharedCardDetail",
        "retentionMonths",
        "accessibilityContact",
      ] as const
    ).filter((f) => change[f] !== undefined);
    await audit(deps, caller, "settings.changed", CENTRE_SETTINGS_KEY, "api", { fields });
  }
  return saved;
}

/** What the accessibility statement names: the centre and whom to contact (any member of staff may read it). */
export async function readAccessibilityStatement(deps: SettingsDeps & Pick<AppDeps, "centre">) {
  const saved = await readCentreSettings(deps);
  return { centreName: deps.centre.name, contact: saved.value.accessibilityContact ?? {} };
}

/** Replaces the imported bank holidays with GOV.UK's list (England & Wales division); audited. */
export async function importBankHolidays(deps: ChangeDeps, caller: StaffCaller, etag: string, feed: string) {
  const imported = await refusalsAsValues(async () => {
    const holidays = parseGovUkBankHolidays(feed);
    const written = await write(deps, etag, (s) => ({ ...s, bankHolidays: holidays }));
    return { holidays, etag: written.etag };
  });
  if (!isRefused(imported)) {
    await audit(deps, caller, "bank-holidays.imported", CENTRE_SETTINGS_KEY, "api", {
      holidays: imported.holidays.length,
    });
  }
  return imported;
}

/** A manager makes a chat the centre's chat for a purpose (duty, screening, maam, transfer-panel), in Teams; audited. */
export async function assignChat(
  deps: ChangeDeps,
  caller: StaffCaller,
  purpose: string,
  conversation: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write(deps, undefined, (s) => ({ ...s, chatIds: { ...s.chatIds, [purpose]: conversation } }));
      break;
    } catch (error) {
      if (attempt >= 3 || !isWriteRace(error)) throw error;
    }
  }
  await audit(deps, caller, "settings.changed", CENTRE_SETTINGS_KEY, "bot", { fields: ["chatIds"], purpose });
}

/** A conversation the bot can no longer post to stops being any purpose's chat; answers the purposes it was. */
export async function unassignChat(deps: SettingsDeps, conversation: string): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    const current = (await readCentreSettings(deps)).value.chatIds;
    const purposes = Object.keys(current).filter((purpose) => current[purpose] === conversation);
    if (purposes.length === 0) return [];
    try {
      await write(deps, undefined, (s) => ({
        ...s,
        chatIds: Object.fromEntries(Object.entries(s.chatIds).filter(([, chat]) => chat !== conversation)),
      }));
      return purposes;
    } catch (error) {
      if (attempt >= 3 || !isWriteRace(error)) throw error;
    }
  }
}
