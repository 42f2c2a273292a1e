import type { WorklistName } from "../../domain/worklists.js";
import type { StoredCase } from "../../ports/cases.js";
import type { AppDeps } from "../app-deps.js";
import { everyItem } from "../every-item.js";

/** A page of a list in the tab: small, so its cases are point-read in parallel and nothing is scanned. */
export const PAGE_SIZE = 25;

type ListDeps = Pick<AppDeps, "worklists" | "cases">;

export interface CasesPage {
  readonly cases: readonly StoredCase[];
  readonly continuation?: string;
}

async function readAll(deps: ListDeps, caseIds: readonly string[]): Promise<StoredCase[]> {
  const found = await Promise.all(caseIds.map((id) => deps.cases.findCase(id)));
  return found.filter((c): c is StoredCase => c !== undefined);
}

/** One page of a list, its cases read in full. */
export async function casesOnPage(deps: ListDeps, list: WorklistName, continuation?: string): Promise<CasesPage> {
  const page = await deps.worklists.list(list, { top: PAGE_SIZE, ...(continuation ? { continuation } : {}) });
  const cases = await readAll(
    deps,
    page.items.map((e) => e.caseId),
  );
  return { cases, ...(page.continuation ? { continuation: page.continuation } : {}) };
}

/** Every case on a list, read in full (agendas and a worker's own list are tens of cases, not thousands). */
export async function casesOn(deps: ListDeps, list: WorklistName): Promise<StoredCase[]> {
  const entries = await everyItem((continuation) => deps.worklists.list(list, continuation ? { continuation } : {}));
  return readAll(
    deps,
    entries.map((e) => e.caseId),
  );
}
