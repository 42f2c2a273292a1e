import type { WorklistName } from "../../src/domain/worklists.js";
import { everyItem } from "../../src/app/every-item.js";
import { type StoredCase } from "../../src/ports/cases.js";
import type { BotDeps } from "../bot-deps.js";

/** Every case on a list, read in full (agendas are tens of cases, not thousands). */
export async function casesOn(deps: BotDeps, list: WorklistName): Promise<StoredCase[]> {
  const entries = await everyItem((continuation) =>
    deps.app.worklists.list(list, continuation ? { continuation } : {}),
  );
  const found = await Promise.all(entries.map((e) => deps.app.cases.findCase(e.caseId)));
  return found.filter((c): c is StoredCase => c !== undefined);
}
