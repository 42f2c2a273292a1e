import type { StoredCase } from "../../ports/cases.js";
import type { WorklistEntry } from "../../ports/indexes.js";
import type { ApiDeps } from "../api-deps.js";

/** Point-reads the cases of a worklist page in parallel (a page is small; no case is scanned). */
export async function loadCases(deps: ApiDeps, entries: readonly WorklistEntry[]): Promise<StoredCase[]> {
  const found = await Promise.all(entries.map((e) => deps.app.cases.findCase(e.caseId)));
  return found.filter((c): c is StoredCase => c !== undefined);
}

/** Staff ids to display names, for lead workers and deciders. */
export async function staffNames(deps: ApiDeps): Promise<Map<string, string>> {
  return new Map((await deps.staff.list()).map((row) => [row.value.id, row.value.displayName]));
}

export const PAGE_SIZE = 25;
