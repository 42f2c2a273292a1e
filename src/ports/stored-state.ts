import type { AuditLog } from "./audit.js";
import type { CaseRepository } from "./cases.js";
import type { ComplianceIndex, DeadlineIndex, Worklists } from "./indexes.js";
import type { LetterPaceWindow } from "../domain/mail/letter-pace.js";
import type { Leases } from "./leases.js";
import type { MessageLedger } from "./message-ledger.js";
import type { Outbox } from "./outbox.js";
import type { ProjectionQueue } from "./projections.js";
import type {
  CentreSettings,
  QuotaCounter,
  RecordStore,
  StaffMember,
  StoredConversation,
  SupervisionLog,
  SyncState,
} from "./records.js";

/** Every stored-state port the core works on: what any store adapter (Azure Tables, memory) provides. */
export interface StoredState {
  readonly cases: CaseRepository;
  readonly messages: MessageLedger;
  readonly worklists: Worklists;
  readonly deadlines: DeadlineIndex;
  /** The reports' index: finished clocks, decisions by day, open cases by age. */
  readonly compliance: ComplianceIndex;
  /** Case changes whose derived rows (the three above) the projector has still to write. */
  readonly projections: ProjectionQueue;
  readonly outbox: Outbox;
  readonly leases: Leases;
  readonly sync: RecordStore<SyncState>;
  /** The mailbox's letters of the last minute and recipients of the last day, shared by every instance. */
  readonly letterPace: RecordStore<LetterPaceWindow>;
  /**
   * Acknowledgements per sender per day as versions before issue 21 §7 counted them (they are now taken with the case
   * number, `cases.reserveCaseId`): only retention reads these, to delete past days'.
   */
  readonly quotas: RecordStore<QuotaCounter>;
  /** Which case a mail conversation belongs to (so a reply without our reference still finds its case). */
  readonly threads: RecordStore<{ readonly caseId: string }>;
  /** Teams conversation references, for proactive messages. */
  readonly conversations: RecordStore<StoredConversation>;
  /** Who works at the centre, with their roles, hours, manager and caseload limit. */
  readonly staff: RecordStore<StaffMember>;
  /** Each practitioner's supervisions (11.6), by staff id. */
  readonly supervisions: RecordStore<SupervisionLog>;
  /** The centre's saved settings: profile, closure days, imported bank holidays, chats. */
  readonly settings: RecordStore<CentreSettings>;
  /** Who read or exported what, who changed staff or settings (append-only). */
  readonly audit: AuditLog;
}
