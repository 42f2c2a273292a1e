import type { WorklistName } from "../../src/domain/worklists.js";
import type { StoredCase } from "../../src/ports.js";
import type { BotDeps } from "../bot-deps.js";

/** Every case on a list, read in full (agendas are tens of cases, not thousands). */
export async function casesOn(deps: BotDeps, list: WorklistName): Promise<StoredCase[]> {
  const ids: string[] = [];
  let continuation: string | undefined;
  do {
    const page = await deps.app.worklists.list(list, continuation ? { continuation } : {});
    ids.push(...page.items.map((e) => e.caseId));
    continuation = page.continuation;
  } while (continuation !== undefined);
  const found = await Promise.all(ids.map((id) => deps.app.cases.findCase(id)));
  return found.filter((c): c is StoredCase => c !== undefined);
}
