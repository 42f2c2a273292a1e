import type { Calendar } from "../domain/calendar/calendar.js";
import type { MailContext } from "../domain/mail/mail-context.js";
import type { Profile } from "../domain/rules/profile-schema.js";
import type { Logger } from "../logging/logger.js";
import type { CaseRepository } from "../ports/cases.js";
import type { Clock } from "../ports/clock.js";
import type { ComplianceIndex, DeadlineIndex, Worklists } from "../ports/indexes.js";
import type { Leases } from "../ports/leases.js";
import type { Mailbox } from "../ports/mailbox.js";
import type { MessageLedger } from "../ports/message-ledger.js";
import type { Outbox } from "../ports/outbox.js";
import type {
  CentreSettings,
  QuotaCounter,
  RecordStore,
  StaffMember,
  StoredConversation,
  SyncState,
} from "../ports/records.js";

/** The Family Centre the service answers for: its name in letters and its limits. */
export interface Centre {
  readonly name: string;
  readonly mailbox: string;
  readonly maxAcksPerSenderPerDay: number;
}

/**
 * Every port and policy the use cases may need, as the composition root (src/compose) wires them. Each use case
 * takes only what it uses (`Pick<AppDeps, …>`), so a test supplies just that.
 */
export interface AppDeps {
  readonly cases: CaseRepository;
  readonly messages: MessageLedger;
  readonly worklists: Worklists;
  readonly deadlines: DeadlineIndex;
  /** The reports' index: finished clocks, decisions by day, open cases by age. */
  readonly compliance: ComplianceIndex;
  readonly outbox: Outbox;
  readonly leases: Leases;
  readonly sync: RecordStore<SyncState>;
  readonly quotas: RecordStore<QuotaCounter>;
  /** Which case a mail conversation belongs to (so a reply without our reference still finds its case). */
  readonly threads: RecordStore<{ readonly caseId: string }>;
  /** Who works at the centre, with their roles, hours, manager and caseload limit. */
  readonly staff: RecordStore<StaffMember>;
  /** The centre's saved settings: profile, closure days, imported bank holidays, chats. */
  readonly settings: RecordStore<CentreSettings>;
  /** Teams conversation references, for proactive messages. */
  readonly conversations: RecordStore<StoredConversation>;
  readonly mailbox: Mailbox;
  readonly profile: Profile;
  readonly calendar: Calendar;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly mailContext: MailContext;
  readonly centre: Centre;
}
