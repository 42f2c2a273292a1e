import type { OutboxItem } from "../../ports/outbox.js";
import type { AppDeps } from "../app-deps.js";

const PAGE_SIZE = 50;

/** A Teams message held for a person: what it is, where it was going, since when, and why. */
export interface HeldTeamsMessage {
  /** The outbox item's partition: a case reference, or `~notices` / `~quarantine` for the centre's own notices. */
  readonly partition: string;
  readonly key: string;
  /** `triage`, `agenda-screening`, `digest`…: what the bot draws for it. */
  readonly purpose: string;
  /** Where it was going: `duty`, `screening`, `maam`…, or `user~<staff id>`. */
  readonly conversation: string;
  readonly heldSince: string;
  readonly reason?: string;
}

const heldMessage = (item: OutboxItem): HeldTeamsMessage => ({
  partition: item.caseId,
  key: item.key,
  purpose: item.purpose,
  conversation: typeof item.payload["conversation"] === "string" ? item.payload["conversation"] : "",
  heldSince: item.updatedAt,
  ...(item.failureReason === undefined ? {} : { reason: item.failureReason }),
});

/**
 * One page of the Teams messages held for a person (a chat not chosen or gone, a person without the app, a message
 * Teams refuses), for the duty worker's triage page: ids, kinds and reasons only, never a card's content.
 */
export async function heldTeamsMessages(
  deps: Pick<AppDeps, "outbox">,
  continuation?: string,
): Promise<{ readonly items: readonly HeldTeamsMessage[]; readonly continuation?: string }> {
  const page = await deps.outbox.listHeldPage("teams", {
    limit: PAGE_SIZE,
    ...(continuation === undefined ? {} : { continuation }),
  });
  return {
    items: page.items.map(heldMessage),
    ...(page.continuation === undefined ? {} : { continuation: page.continuation }),
  };
}
