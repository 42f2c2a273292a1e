import type { Timescale } from "../domain/rules/timescale.js";
import type { RetentionSchedule } from "../domain/privacy/retention.js";
import type { SharedCardDetail } from "../domain/privacy/shared-card-detail.js";
import type { CaseEvent } from "../domain/case-events.js";

/** Small typed records: sync state, conversations, staff, settings, counters. */

export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** Simple typed records (Sync, Conversations, Staff, Settings). */
export interface RecordStore<T> {
  get(key: string): Promise<Versioned<T> | undefined>;
  /** Without `etag`: create (`AlreadyExistsError` if present). With it: replace if unchanged (`ConcurrencyError`). */
  put(key: string, value: T, etag?: string): Promise<Versioned<T>>;
  list(): Promise<Array<Versioned<T> & { readonly key: string }>>;
  /** Removes the record; with `etag`, only if unchanged (`ConcurrencyError`). False when it was not there. */
  delete(key: string, etag?: string): Promise<boolean>;
}

/** A counter per key and period (acknowledgements per sender per day). */
export interface QuotaCounter {
  readonly count: number;
}

/** Delta link and subscription of one mailbox folder. */
export interface SyncState {
  /** Where the next inbox read starts: the last round's delta link, or the next page of a round stopped part-way. */
  readonly deltaLink?: string;
  /** The instant intake starts from (go-live): no mail received before it is ever read. */
  readonly intakeFrom?: string;
  /** When the last complete inbox round started: a resync reads again from a little before it, not from go-live. */
  readonly lastGoodAt?: string;
  readonly subscriptionId?: string;
  readonly subscriptionExpiresAt?: string;
  readonly clientState?: string;
  /** The London date of the last complete nightly repair (src/jobs/nightly-repair.ts). */
  readonly lastRepairDate?: string;
}

/** A Teams conversation reference kept for proactive messages (opaque to the core). */
export interface StoredConversation {
  readonly reference: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}

export interface StaffMember {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly hoursPerWeek?: number;
  readonly managerId?: string;
  readonly caseloadLimit?: number;
  /** Set when an admin deactivates them (ISO instant): no roles act any more; the row stays for the record. */
  readonly deactivatedAt?: string;
}

export interface CentreSettings {
  readonly profileId: string;
  readonly closureDays: readonly string[];
  /** Chat ids by purpose (`duty`, `screening`, `maam`, `transfer-panel`). */
  readonly chatIds: Readonly<Record<string, string>>;
  /** England & Wales bank holidays an admin imported from GOV.UK's bank-holidays.json (sorted by date). */
  readonly bankHolidays?: readonly { readonly date: string; readonly name: string }[];
  /** The centre's own timescales for the profile's local-practice rules, by rule id (Bexley's letters). */
  readonly localTimescales?: Readonly<Record<string, Timescale>>;
  /** How much cards in group chats say about a case beyond its reference and kind (unset: nothing more). */
  readonly sharedCardDetail?: SharedCardDetail;
  /** Months kept after closure, by how the case closed (unset: the placeholders, which are not advice). */
  readonly retentionMonths?: Partial<RetentionSchedule>;
  /** Who staff contact about the accessibility of the tab and the Outlook pane (the accessibility statement). */
  readonly accessibilityContact?: AccessibilityContact;
}

/** The council's contact for accessibility problems, as the admin gave it; each part optional. */
export interface AccessibilityContact {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

/** A practitioner's own log (rule 11.6 runs on it, not on any case): their supervisions, oldest first. */
export interface SupervisionLog {
  readonly events: readonly CaseEvent<"supervision.recorded">[];
}
