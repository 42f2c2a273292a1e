import type { Case } from "../../../src/domain/case.js";
import { CONTACT_KIND_LABELS } from "../../../src/domain/contact.js";
import { sharedCaseDetail, type SharedCardDetail } from "../../../src/domain/privacy/shared-card-detail.js";
import type { CardElement } from "../card-json.js";
import { text } from "./text.js";

/**
 * What a shared chat (duty, screening, panels) may show of a case: its reference, kind and the non-identifying
 * summary, and what the centre's shared-card detail allows of the family and referrer (initials, the referrer's
 * organisation). A whole `Case` may be passed; only these fields are ever read, so names stay out of shared chats.
 */
export type SharedCase = Pick<Case, "id" | "kind" | "openedAt" | "summary" | "highRisk"> &
  Partial<Pick<Case, "family" | "referrer">>;

/** How every list on a card marks a case a manager flagged high risk (11.5). */
export const HIGH_RISK = "⚠ High risk";

/**
 * "FC-2026-000123 · Request for Support · EHA · 2 children", and "· ⚠ High risk" when flagged (11.5). A new contact's
 * summary starts as its kind's label, which is then said once.
 */
export function caseTitle(kase: Pick<Case, "id" | "kind" | "summary" | "highRisk">): string {
  const kind = CONTACT_KIND_LABELS[kase.kind];
  const summary = kase.summary === kind ? undefined : kase.summary;
  return [kase.id, kind, summary, kase.highRisk ? HIGH_RISK : undefined].filter((p): p is string => !!p).join(" · ");
}

/** The case's title, then what the centre's setting allows (default: nothing more, so no names). */
export function sharedCaseTitle(kase: SharedCase, detail?: SharedCardDetail): CardElement {
  const more = sharedCaseDetail(kase, detail);
  return text(more === undefined ? caseTitle(kase) : `${caseTitle(kase)} · ${more}`, {
    weight: "bolder",
    size: "medium",
  });
}
