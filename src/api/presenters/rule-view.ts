import { cite } from "../../domain/rules/cite.js";
import type { Profile, Rule } from "../../domain/rules/profile-schema.js";
import type { RuleView } from "../contract.js";

export const ruleView = (rule: Rule, profile: Profile): RuleView => ({
  id: rule.id,
  name: rule.name,
  kind: rule.kind,
  citation: cite(rule, profile),
  ...(rule.notes === undefined ? {} : { notes: rule.notes }),
  ...(rule.kind === "clock" && rule.localPractice ? { localPractice: true as const } : {}),
});
