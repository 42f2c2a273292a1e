import { setAsideReasonLabel } from "../../domain/intake/set-aside-reasons.js";
import type { Page } from "../../ports/indexes.js";
import type { SetAsideEntry } from "../../ports/message-ledger.js";
import type { AppDeps } from "../app-deps.js";

/** One email the intake ignored or quarantined, as the duty worker's list shows it (sender's domain only). */
export interface SetAsideMailItem extends SetAsideEntry {
  readonly reasonLabel: string;
}

const PAGE_SIZE = 25;

/** Issue 19 §5: the "Ignored and quarantined" list, newest first, a page at a time, so nothing is lost from sight. */
export async function listSetAsideMail(
  deps: Pick<AppDeps, "messages">,
  continuation?: string,
): Promise<Page<SetAsideMailItem>> {
  const page = await deps.messages.listSetAside({ top: PAGE_SIZE, ...(continuation ? { continuation } : {}) });
  return {
    items: page.items.map((entry) => ({ ...entry, reasonLabel: setAsideReasonLabel(entry.state, entry.reason) })),
    ...(page.continuation === undefined ? {} : { continuation: page.continuation }),
  };
}
