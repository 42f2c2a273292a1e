import type { Contact } from "../../domain/contact.js";
import { acknowledgementFromCase } from "../../domain/intake/acknowledgement-status.js";
import type { AcknowledgementPlan } from "../../domain/intake/intake-decision.js";
import type { StoredCase } from "../../ports/cases.js";
import type { AppDeps } from "../app-deps.js";
import { letterKey } from "../mail-keys.js";

type HoldReason = Extract<AcknowledgementPlan, { plan: "hold" }>["reason"];
export type NotSentReason = Extract<AcknowledgementPlan, { plan: "none" }>["reason"];

/** Where a contact's 1.2 acknowledgement stands: one answer for the triage card and the tab's triage queue. */
export type AcknowledgementState =
  | { readonly state: "not-required" }
  | { readonly state: "held"; readonly reason: HoldReason }
  | { readonly state: "queued" | "drafted" | "failed"; readonly updatedAt: string }
  | { readonly state: "sent"; readonly at: string }
  /** The referrer's mail server returned it: a duty worker must reach them another way. */
  | { readonly state: "not-delivered" }
  /** No letter exists; the intake's reason when it gave one. */
  | { readonly state: "not-sent"; readonly reason?: NotSentReason };

const HOLD_REASONS: readonly HoldReason[] = ["referrer-unconfirmed", "sender-daily-cap"];

/**
 * The case decides most of it (held until the referrer is confirmed, sent, returned, not required for this kind);
 * the outbox knows the rest (queued, being sent, failed, held by the sender's daily cap).
 */
export async function acknowledgementOf(
  deps: Pick<AppDeps, "profile" | "outbox">,
  stored: StoredCase,
  contact: Contact,
  notSentBecause?: NotSentReason,
): Promise<AcknowledgementState> {
  const fact = acknowledgementFromCase(deps.profile, stored.case, contact);
  if (fact === "not-required" || fact === "not-delivered") return { state: fact };
  if (fact === "held") return { state: "held", reason: "referrer-unconfirmed" };
  if (fact === "sent") {
    const sent = stored.case.events.findLast(
      (e) => e.type === "acknowledgement.sent" && e.data.contactId === contact.id,
    );
    return { state: "sent", at: sent?.at ?? stored.case.openedAt };
  }
  const item = await deps.outbox.get(stored.case.id, letterKey(stored.case.id, "acknowledgement", contact.id));
  if (item === undefined) return { state: "not-sent", ...(notSentBecause ? { reason: notSentBecause } : {}) };
  switch (item.state) {
    case "sent":
      return { state: "sent", at: item.updatedAt };
    case "held": {
      const reason = HOLD_REASONS.find((r) => r === item.payload["holdReason"]) ?? "referrer-unconfirmed";
      return { state: "held", reason };
    }
    case "pending":
      return { state: "queued", updatedAt: item.updatedAt };
    default:
      return { state: item.state, updatedAt: item.updatedAt };
  }
}
