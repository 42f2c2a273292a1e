import type { WorklistName } from "../../domain/worklists.js";
import type { ApiDeps } from "../api-deps.js";

/** How many cases a worklist holds (a worker's list is tens of rows: a few pages at most). */
export async function scanCount(deps: ApiDeps, list: WorklistName): Promise<number> {
  let count = 0;
  let continuation: string | undefined;
  do {
    const page = await deps.app.worklists.list(list, { top: 1000, ...(continuation ? { continuation } : {}) });
    count += page.items.length;
    continuation = page.continuation;
  } while (continuation !== undefined);
  return count;
}
