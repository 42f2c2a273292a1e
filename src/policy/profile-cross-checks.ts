import type { CaseEventType } from "../domain/case-events.js";
import { clockRuleStoppedBy } from "../domain/letters/letter-dates.js";
import { hasTransferPanel } from "../domain/lifecycle/decide-decisions.js";
import type { EventMatcher, Outcome, Profile, Rule } from "../domain/rules/profile-schema.js";
import type { ProfileIssue } from "./errors.js";
import { formatPath } from "./field-path.js";
import { isKnownPlaceholder, placeholdersIn, TEMPLATE_PLACEHOLDERS } from "./placeholders.js";

/** What the schema cannot see: references between a profile's rules, outcomes, panels, documents and emails. */
export function crossCheckProfile(profile: Profile): ProfileIssue[] {
  return [
    ...ruleIdsUnique(profile),
    ...citationsListed(profile),
    ...checklistItemsUnique(profile),
    ...outcomesSound(profile),
    ...panelSchedules(profile),
    ...stepDownPanelHeld(profile),
    ...matchedOutcomesOffered(profile),
    ...templatesUsed(profile),
    ...placeholdersKnown(profile),
    ...placeholdersFillable(profile),
  ];
}

function ruleIdsUnique(profile: Profile): ProfileIssue[] {
  const seen = new Set<string>();
  return profile.rules.flatMap((rule) => {
    if (!seen.has(rule.id)) {
      seen.add(rule.id);
      return [];
    }
    return [{ rule: rule.id, field: "id", message: "another rule already has this id, and each rule needs its own" }];
  });
}

function citationsListed(profile: Profile): ProfileIssue[] {
  const listed = Object.keys(profile.documents);
  return profile.rules
    .filter((rule) => !listed.includes(rule.citation.document))
    .map((rule) => ({
      rule: rule.id,
      field: "citation.document",
      message: `"${rule.citation.document}" is not in the profile's documents (${quoted(listed)})`,
    }));
}

function checklistItemsUnique(profile: Profile): ProfileIssue[] {
  return profile.rules.flatMap((rule) =>
    rule.kind === "check"
      ? duplicates(rule.items.map((item) => item.id)).map((id) => ({
          rule: rule.id,
          field: "items",
          message: `the checklist item "${id}" is listed more than once`,
        }))
      : [],
  );
}

/** Every list of outcomes a decision chooses from, with the field it sits in and the event that records it. */
function outcomeLists(profile: Profile): { field: string; event?: CaseEventType; outcomes: readonly Outcome[] }[] {
  return [
    { field: "screeningOutcomes", event: "screening.decided", outcomes: profile.screeningOutcomes },
    { field: "frontDoorOutcomes", event: "front-door.decided", outcomes: profile.frontDoorOutcomes ?? [] },
    ...profile.panels.map((panel) => ({
      field: `panels.${panel.id}.outcomes`,
      ...(panel.decisionEvent !== undefined && { event: panel.decisionEvent }),
      outcomes: panel.outcomes,
    })),
  ];
}

function outcomesSound(profile: Profile): ProfileIssue[] {
  const templates = Object.keys(profile.emails.outcomes);
  const frontDoor =
    profile.features.frontDoorDecision && (profile.frontDoorOutcomes ?? []).length === 0
      ? [{ field: "frontDoorOutcomes", message: "features.frontDoorDecision is on, so list the Front Door outcomes" }]
      : [];
  return [
    ...frontDoor,
    ...outcomeLists(profile).flatMap(({ field, outcomes }) => [
      ...duplicates(outcomes.map((o) => o.id)).map((id) => ({ field, message: `the outcome "${id}" is listed twice` })),
      ...outcomes
        .filter((o) => o.emailTemplate !== undefined && !templates.includes(o.emailTemplate))
        .map((o) => ({
          field: `${field}.${o.id}.emailTemplate`,
          message: `there is no email template "${o.emailTemplate ?? ""}" in emails.outcomes (${quoted(templates)})`,
        })),
    ]),
  ];
}

function stepDownPanelHeld(profile: Profile): ProfileIssue[] {
  return profile.features.stepDownsTo === "transfer-panel" && !hasTransferPanel(profile)
    ? [
        {
          field: "features.stepDownsTo",
          message: 'step-downs go to a transfer panel, but no panel has the id "transfer-panel"',
        },
      ]
    : [];
}

function panelSchedules(profile: Profile): ProfileIssue[] {
  return profile.panels.flatMap((panel) => {
    const rule = profile.rules.find((r) => r.id === panel.scheduleRule);
    if (rule?.kind === "schedule") return [];
    const problem =
      rule === undefined ? "there is no rule with this id" : `rule "${rule.id}" is a ${rule.kind} rule, not a schedule`;
    return [{ field: `panels.${panel.id}.scheduleRule`, message: `${problem} ("${panel.scheduleRule}")` }];
  });
}

function matchersOf(rule: Rule): [string, readonly EventMatcher[]][] {
  switch (rule.kind) {
    case "clock":
      return [
        ["start", rule.start],
        ["stop", rule.stop],
        ["cancelledBy", rule.cancelledBy],
        ["reopenedBy", rule.reopenedBy],
        ["recurrence.until", rule.recurrence?.until ?? []],
      ];
    case "milestones":
      return [["from", rule.from]];
    case "schedule":
      return [];
    case "check":
      return [
        ["on", rule.on],
        ["evidence.events", rule.evidence?.events ?? []],
      ];
    default:
      return [["on", rule.on]];
  }
}

/** A rule waiting for `outcome: "maam"` must name an outcome the decision can actually have, or it never fires. */
function matchedOutcomesOffered(profile: Profile): ProfileIssue[] {
  const offered = new Map<string, string[]>();
  for (const { event, outcomes } of outcomeLists(profile)) {
    if (event !== undefined) offered.set(event, [...(offered.get(event) ?? []), ...outcomes.map((o) => o.id)]);
  }
  return profile.rules.flatMap((rule) =>
    matchersOf(rule).flatMap(([field, matchers]) =>
      matchers.flatMap((matcher, i) => {
        const condition = matcher.where?.outcome;
        if (condition === undefined) return [];
        const ids = offered.get(matcher.event) ?? [];
        const values = typeof condition === "object" && !Array.isArray(condition) ? condition.not : condition;
        return [values]
          .flat()
          .filter((value) => !ids.includes(String(value)))
          .map((value) => ({
            rule: rule.id,
            field: `${field}${formatPath([i, "where", "outcome"])}`,
            message: `${matcher.event} has no outcome "${String(value)}" in this profile (${quoted(ids)})`,
          }));
      }),
    ),
  );
}

/** An email template no outcome sends is dead text that would drift from the rules. */
function templatesUsed(profile: Profile): ProfileIssue[] {
  const used = new Set(outcomeLists(profile).flatMap(({ outcomes }) => outcomes.map((o) => o.emailTemplate)));
  return Object.keys(profile.emails.outcomes)
    .filter((id) => !used.has(id))
    .map((id) => ({ field: `emails.outcomes.${id}`, message: "no outcome sends this template" }));
}

/** The transfer letter, where the profile has one. */
const transferLetter = (profile: Profile) =>
  profile.emails.transferReceived === undefined
    ? []
    : [["emails.transferReceived", profile.emails.transferReceived, undefined] as const];

function placeholdersKnown(profile: Profile): ProfileIssue[] {
  const templates = [
    ["emails.acknowledgement", profile.emails.acknowledgement] as const,
    ...transferLetter(profile),
    ...Object.entries(profile.emails.outcomes).map(([id, t]) => [`emails.outcomes.${id}`, t] as const),
  ];
  return templates.flatMap(([field, template]) =>
    (["subject", "body"] as const).flatMap((part) =>
      placeholdersIn(template[part])
        .filter((name) => !isKnownPlaceholder(name))
        .map((name) => ({
          field: `${field}.${part}`,
          message: `unknown placeholder {{${name}}} (use one of ${quoted(TEMPLATE_PLACEHOLDERS)})`,
        })),
    ),
  );
}

/** Why a placeholder of a template could never be filled (every letter it writes would be held), if so. */
function unfillable(
  profile: Profile,
  name: string,
  sentBy: readonly Outcome[] | undefined,
  field: string,
): string | undefined {
  const promises = (event: CaseEventType, what: string) =>
    clockRuleStoppedBy(profile, event) ? undefined : `no clock rule stops at ${event}, so there is no ${what}`;
  switch (name) {
    case "screeningOutcomeBy":
      return promises("screening-outcome.sent", "outcome date to promise");
    case "maamBy":
      return promises("maam.decided", "panel date to promise");
    case "decisionDate":
      return sentBy === undefined ? "the acknowledgement reports no decision" : undefined;
    case "transferredFrom":
      return field === "emails.transferReceived" ? undefined : "only a case transferred here names where it came from";
    case "workerName":
      return sentBy !== undefined && sentBy.length > 0 && sentBy.every((o) => o.needs.includes("worker"))
        ? undefined
        : "only a letter for outcomes that each need a worker can name one";
    default:
      return undefined;
  }
}

/** A template asking for what the profile can never give would hold every letter it writes: refused at load. */
function placeholdersFillable(profile: Profile): ProfileIssue[] {
  const outcomes = outcomeLists(profile).flatMap((list) => list.outcomes);
  const templates = [
    ["emails.acknowledgement", profile.emails.acknowledgement, undefined] as const,
    ...transferLetter(profile),
    ...Object.entries(profile.emails.outcomes).map(
      ([id, t]) => [`emails.outcomes.${id}`, t, outcomes.filter((o) => o.emailTemplate === id)] as const,
    ),
  ];
  return templates.flatMap(([field, template, sentBy]) =>
    placeholdersIn(`${template.subject}\n${template.body}`).flatMap((name) => {
      const problem = unfillable(profile, name, sentBy, field);
      return problem === undefined ? [] : [{ field, message: `{{${name}}} can never be filled: ${problem}` }];
    }),
  );
}

function duplicates(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

const quoted = (values: readonly string[]): string =>
  values.length === 0 ? "none listed" : values.map((v) => `"${v}"`).join(", ");
