import type { Case } from "../case.js";

/**
 * How much a card posted to a group chat (duty triage, screening, MAAM, transfer panel) may say about a case,
 * as the centre's settings choose. Every choice shows the case reference and its kind; none shows a name.
 * - `reference-and-kind`: nothing more (the default).
 * - `with-initials`: the children's initials (else the family's), e.g. "A.B., M.B.".
 * - `with-referrer-organisation`: who referred, as an organisation ("Riverside Surgery"), never a person.
 */
export const SHARED_CARD_DETAILS = ["reference-and-kind", "with-initials", "with-referrer-organisation"] as const;
export type SharedCardDetail = (typeof SHARED_CARD_DETAILS)[number];

export const DEFAULT_SHARED_CARD_DETAIL: SharedCardDetail = "reference-and-kind";

export const isSharedCardDetail = (value: unknown): value is SharedCardDetail =>
  SHARED_CARD_DETAILS.includes(value as SharedCardDetail);

/** "Alfie Bloggs" → "A.B."; words that are not names (hyphens, punctuation) are skipped. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/u)
    .map((word) => /\p{L}/u.exec(word)?.[0]?.toUpperCase())
    .filter((letter): letter is string => letter !== undefined)
    .map((letter) => `${letter}.`)
    .join("");
}

/** What the chosen detail adds after the reference and kind on a shared card, or undefined when it adds nothing. */
export function sharedCaseDetail(
  kase: Pick<Case, "family" | "referrer">,
  detail: SharedCardDetail = DEFAULT_SHARED_CARD_DETAIL,
): string | undefined {
  switch (detail) {
    case "reference-and-kind":
      return undefined;
    case "with-initials": {
      const family = (kase.family?.name ?? "").replace(/\s+family$/iu, "");
      const names = kase.family?.children?.length ? kase.family.children : [family];
      const initials = names.map(initialsOf).filter((i) => i !== "");
      return initials.length > 0 ? initials.join(", ") : undefined;
    }
    case "with-referrer-organisation": {
      const organisation = kase.referrer?.organisation?.trim();
      return organisation ? `Referred by ${organisation}` : undefined;
    }
  }
}
