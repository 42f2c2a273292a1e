import { workerList, type WorklistName } from "../../domain/worklists.js";
import type { ApiDeps } from "../api-deps.js";
import type { CaseWithClocks, MyCasesResponse, PreAllocationItem, PreAllocationResponse } from "../contract.js";
import { loadCases, PAGE_SIZE, staffNames } from "./case-loader.js";
import { byRagThenDue, caseWithClocks, clockView, runningClocks } from "./clock-view.js";
import { requestClocks } from "./request-clocks.js";

async function listPage(deps: ApiDeps, list: WorklistName, continuation?: string) {
  const page = await deps.app.worklists.list(list, { top: PAGE_SIZE, ...(continuation ? { continuation } : {}) });
  const [cases, names] = await Promise.all([loadCases(deps, page.items), staffNames(deps)]);
  return { cases, names, continuation: page.continuation };
}

/** A worker's open cases, red first, then by the next due instant. */
export async function myCases(deps: ApiDeps, workerId: string, continuation?: string): Promise<MyCasesResponse> {
  const page = await listPage(deps, workerList(workerId), continuation);
  const clocks = requestClocks(deps.app);
  const items: CaseWithClocks[] = page.cases.map((c) => caseWithClocks(c, clocks, page.names)).sort(byRagThenDue);
  return { workerId, items, ...(page.continuation ? { continuation: page.continuation } : {}) };
}

/**
 * The Pre-Allocation List, each case with its weekly-contact clock: the profile's clock rule started by joining
 * the list (3.3 in Family Solutions), found by its start event rather than by a number written here.
 */
export async function preAllocationList(deps: ApiDeps, continuation?: string): Promise<PreAllocationResponse> {
  const page = await listPage(deps, "pre-allocation", continuation);
  const contactRules = new Set(
    deps.app.profile.rules
      .filter((r) => r.kind === "clock" && r.stop.some((s) => s.event === "pre-allocation.contact-recorded"))
      .map((r) => r.id),
  );
  const clocks = requestClocks(deps.app);
  const items: PreAllocationItem[] = page.cases.map((stored) => {
    const all = runningClocks(stored.case, clocks);
    const base = caseWithClocks(stored, clocks, page.names, all);
    const running = all.filter((d) => contactRules.has(d.ruleId)).at(-1);
    const lastContact = stored.case.events.findLast((e) => e.type === "pre-allocation.contact-recorded");
    return {
      ...base,
      ...(running ? { contactClock: clockView(running) } : {}),
      ...(lastContact ? { lastContactAt: lastContact.at } : {}),
    };
  });
  return { items: items.sort(byRagThenDue), ...(page.continuation ? { continuation: page.continuation } : {}) };
}
