import type { ClockRule, Profile } from "../domain/rules/profile-schema.js";
import type { Timescale } from "../domain/rules/timescale.js";

/** The clocks whose timescale is the centre's own practice (the cited document sets none): Settings may change them. */
export const localPracticeRules = (profile: Profile): ClockRule[] =>
  profile.rules.filter((r): r is ClockRule => r.kind === "clock" && r.localPractice);

/**
 * The profile with the timescales the centre chose in Settings in place of its local-practice defaults (as the
 * maximum: these rules have no other timescale). A rule not marked local practice keeps the document's timescale,
 * whatever Settings hold.
 */
export function withLocalTimescales(profile: Profile, chosen: Readonly<Record<string, Timescale>> = {}): Profile {
  const local = new Set(localPracticeRules(profile).map((r) => r.id));
  if (!Object.keys(chosen).some((id) => local.has(id))) return profile;
  return {
    ...profile,
    rules: profile.rules.map((rule) => {
      const timescale = chosen[rule.id];
      return rule.kind === "clock" && local.has(rule.id) && timescale !== undefined
        ? { ...rule, maximum: timescale }
        : rule;
    }),
  };
}
