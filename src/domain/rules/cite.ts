import { documentNotListed } from "./errors.js";
import type { Citation, Profile, Rule } from "./profile-schema.js";

/** Where a rule comes from, ready for a card, a nudge or a report: "<document title> §<section>". */
export interface CitedSource extends Citation {
  readonly display: string;
}

/** The rule's citation with its display string; the document must be one the profile lists. */
export function cite(rule: Rule, profile: Profile): CitedSource {
  const { document, section } = rule.citation;
  const listed = profile.documents[document];
  if (listed === undefined) throw documentNotListed(profile.id, rule.id, document);
  return { document, section, display: `${listed.title} §${section}` };
}
