import type { AppDeps } from "../app/app-deps.js";

/** What the jobs need: the use cases' ports (staff included: who manages whom, for escalations). */
export type JobDeps = AppDeps;

/**
 * The outbox partition of Teams notices that belong to no one case (agendas, digests). Starts with `~` so no case
 * id can name it.
 */
export const NOTICES_PARTITION = "~notices";
