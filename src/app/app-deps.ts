import type { Calendar } from "../domain/calendar/calendar.js";
import type { MailContext } from "../domain/mail/mail-context.js";
import type { Profile } from "../domain/policy/profile-schema.js";
import type { Logger } from "../logging/logger.js";
import type { CaseRepository } from "../ports/cases.js";
import type { Clock } from "../ports/clock.js";
import type { ComplianceIndex, DeadlineIndex, Worklists } from "../ports/indexes.js";
import type { Leases } from "../ports/leases.js";
import type { Mailbox } from "../ports/mailbox.js";
import type { MessageLedger } from "../ports/message-ledger.js";
import type { Outbox } from "../ports/outbox.js";
import type { QuotaCounter, RecordStore, SyncState } from "../ports/records.js";

/** The Family Centre the service answers for: its name in letters and its limits. */
export interface Centre {
  readonly name: string;
  readonly mailbox: string;
  readonly maxAcksPerSenderPerDay: number;
}

/** Everything the use cases need, as ports: the composition root (src/server.ts) wires the adapters. */
export interface AppDeps {
  readonly cases: CaseRepository;
  readonly messages: MessageLedger;
  readonly worklists: Worklists;
  readonly deadlines: DeadlineIndex;
  /** The reports' index; optional so that use-case tests without reports need not supply it. */
  readonly compliance?: ComplianceIndex;
  readonly outbox: Outbox;
  readonly leases: Leases;
  readonly sync: RecordStore<SyncState>;
  readonly quotas: RecordStore<QuotaCounter>;
  /** Which case a mail conversation belongs to (so a reply without our reference still finds its case). */
  readonly threads: RecordStore<{ readonly caseId: string }>;
  readonly mailbox: Mailbox;
  readonly profile: Profile;
  readonly calendar: Calendar;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly mailContext: MailContext;
  readonly centre: Centre;
}
