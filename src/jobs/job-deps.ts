import type { AppDeps } from "../app/app-deps.js";
import type { RecordStore, StaffMember } from "../ports/records.js";

/** What the jobs need: the use cases' ports, plus the staff list (who manages whom, for escalations). */
export interface JobDeps extends AppDeps {
  readonly staff: RecordStore<StaffMember>;
}

/**
 * The outbox partition of Teams notices that belong to no one case (agendas, digests). Starts with `~` so no case
 * id can name it.
 */
export const NOTICES_PARTITION = "~notices";
