import { seedDemoStaff } from "../../src/compose/local-mode/demo-staff.js";
import { appDepsFromConfig } from "../../src/compose/app-deps-from-config.js";
import { loadConfig } from "../../src/compose/config.js";
import { silentLogger } from "../../src/logging/logger.js";
import { systemClock } from "../../src/compose/system-clock.js";
import { type StaffMember } from "../../src/ports/records.js";
import { seedCases } from "../../dev/builders/seed-cases.js";
import { copyTables, recordingMemoryStore } from "./copy-tables.js";
import type { BenchStack } from "./stack.js";

/** One person with every role, so each view of the tab can be read with one token; cases are allocated to them too. */
export const BENCH_LEAD: StaffMember = {
  id: "bench-lead",
  displayName: "Bench Lead",
  email: "bench.lead@familycentre.example",
  roles: ["duty-worker", "panel-member", "practitioner", "manager", "admin"],
  hoursPerWeek: 37,
};

export const BENCH_WORKERS = [BENCH_LEAD.id, "demo-practitioner-ft", "demo-practitioner-pt"] as const;

/** A centre's history: how many cases are still open, over how many years, shared by how many practitioners. */
export interface CentreHistory {
  readonly open: number;
  readonly years: number;
  readonly practitioners: number;
}

/** More practitioners beside the lead and the demo team, so that caseloads stay near the profile's limits. */
const practitionersFor = (history: CentreHistory | undefined): StaffMember[] =>
  Array.from({ length: Math.max(0, (history?.practitioners ?? 0) - BENCH_WORKERS.length) }, (_, i) => ({
    id: `bench-practitioner-${i + 1}`,
    displayName: `Practitioner ${i + 1}`,
    email: `practitioner${i + 1}@familycentre.example`,
    roles: ["practitioner"],
    hoursPerWeek: i % 4 === 0 ? 22 : 37,
  }));

/**
 * Writes the demo team, the bench lead and `count` cases (the seed-cases mix: a fifth awaiting screening; or, with
 * `history`, only the newest `history.open` open and the rest closed at screening or the MAAM) straight
 * into the stack's Azurite, before the service starts, so the service's table counts see none of it. The cases go
 * through the same store code over in-memory tables first (Azurite scans a whole table for every query, so seeding
 * there case by case is O(n²)), then every row is copied across in entity group transactions.
 */
export async function seedStore(stack: BenchStack, count: number, history?: CentreHistory): Promise<string[]> {
  const config = loadConfig({ ...stack.serviceEnv, FC_STORAGE_CONNECTION_STRING: stack.azurite.connectionString });
  const { deps, store } = await appDepsFromConfig(config, silentLogger, systemClock);
  await seedDemoStaff(store.staff);
  const extra = practitionersFor(history);
  for (const member of [BENCH_LEAD, ...extra]) await store.staff.put(member.id, member);
  const newest = new Date(systemClock.now().getTime() - 60 * 60_000).toISOString();
  const memory = recordingMemoryStore();
  const ids = await seedCases(
    { ...deps, ...memory.store },
    {
      count,
      newest,
      spreadDays: 365 * (history?.years ?? 1),
      workerIds: [...BENCH_WORKERS, ...extra.map((m) => m.id)],
      ...(history ? { open: history.open } : {}),
    },
  );
  await copyTables(memory.tables, stack.azurite.connectionString, {
    tablePrefix: `${config.storage.tablePrefix}${config.centres[0].id}`,
  });
  return ids;
}
