import type { LetterCancellation } from "../../src/app/cancel-unsent-letter.js";
import { confirmReferrer } from "../../src/app/confirm-referrer.js";
import { linkContact } from "../../src/app/link-contact.js";
import { markNotAContact } from "../../src/app/mark-not-a-contact.js";
import type { Decider } from "../../src/app/decider.js";
import type { TriageDecided } from "../../src/app/triage-decision.js";
import type { Refused } from "../../src/app/outcome.js";
import type { CaseEvent } from "../../src/domain/case-events.js";
import {
  NOT_A_CONTACT_REASON_LABELS,
  NOT_A_CONTACT_REASONS,
  type NotAContactReason,
} from "../../src/domain/contact.js";
import { STATE_PHRASES } from "../../src/domain/lifecycle/index.js";
import type { BotDeps } from "../bot-deps.js";
import { mayTake } from "../../src/app/access/roles.js";
import { recorded, roleRefused } from "../replies.js";
import { firstCard, screeningAgenda } from "../presenters/agenda-cards.js";
import type { DecisionMade } from "../cards/elements/decision.js";
import { TRIAGE_INPUTS, TRIAGE_VERBS } from "../cards/triage.js";
import type { Turn } from "../turn.js";
import { field } from "./action-input.js";
import { forEveryone, forThisPerson, saidUnderTheCard, type ActionResult } from "./action-result.js";
import { notOnStaffList, refusedOnCard } from "./decision-outcome.js";

type Data = Readonly<Record<string, unknown>>;

/** `triage.confirmReferrer`: the duty worker confirms (or corrects) the original referrer; a held 1.2 acknowledgement is released. */
async function confirmTheReferrer(deps: BotDeps, verb: string, turn: Turn, data: Data): Promise<ActionResult> {
  const caseId = field(data, "caseId");
  const contactId = field(data, "contactId");
  const email = field(data, TRIAGE_INPUTS.referrerEmail);
  if (caseId === undefined || contactId === undefined || email === undefined) {
    return saidUnderTheCard("Nothing was recorded", "Give the referrer's email address, then confirm.");
  }
  const who = await deps.identify(turn.user);
  if (who === undefined) return notOnStaffList();
  const name = field(data, TRIAGE_INPUTS.referrerName);
  const organisation = field(data, TRIAGE_INPUTS.referrerOrganisation);
  const outcome = await confirmReferrer(deps.app, caseId, contactId, who, {
    email,
    ...(name ? { name } : {}),
    ...(organisation ? { organisation } : {}),
  });
  if (outcome.status === "refused") return refusedOnCard(deps, verb, caseId, outcome);
  const event =
    outcome.status === "already-recorded"
      ? outcome.event
      : outcome.events.find((e): e is CaseEvent<"referrer.confirmed"> => e.type === "referrer.confirmed");
  if (event === undefined) return saidUnderTheCard("Nothing was recorded", `Open case ${caseId} in the tab.`);
  const decision = {
    byName: event.by.displayName ?? event.by.id,
    at: event.at,
    outcomeLabel: "referrer confirmed; the acknowledgement (rule 1.2) goes to them",
  };
  return forEveryone(recorded(deps.app.calendar.timeZone, caseId, decision, outcome.status === "already-recorded"));
}

/** `triage.addToScreening`: a contact waiting for screening is on the next daily agenda (rule 2.1) already. */
async function addToScreening(deps: BotDeps, _verb: string, turn: Turn, data: Data): Promise<ActionResult> {
  const caseId = field(data, "caseId");
  const who = await deps.identify(turn.user);
  if (who === undefined) return notOnStaffList();
  if (!mayTake(who, "agendas")) return forThisPerson(roleRefused("the screening agenda"));
  const stored = caseId === undefined ? undefined : await deps.app.cases.findCase(caseId);
  if (stored === undefined) {
    return saidUnderTheCard("Case not found", `There is no case ${caseId ?? ""}. Check the reference.`);
  }
  if (stored.case.state !== "awaiting-screening") {
    return saidUnderTheCard(
      `Case ${stored.case.id} ${STATE_PHRASES[stored.case.state]}`,
      "Only a contact awaiting screening goes on the screening agenda.",
    );
  }
  // It is on every screening agenda while it waits; this shows its item so it can be screened now.
  return forThisPerson(firstCard(await screeningAgenda(deps, [stored])));
}

/** Case references as people type them ("fc-2026-000150", "case FC-2026-000150"), read with the centre's pattern. */
function caseReference(deps: BotDeps, typed: string | undefined): string | undefined {
  const pattern = deps.app.mailContext.caseReferencePattern;
  return typed === undefined ? undefined : new RegExp(pattern.source).exec(typed.toUpperCase())?.[0];
}

const ACKNOWLEDGEMENT_WORDING: Record<LetterCancellation, string> = {
  cancelled: "its acknowledgement will not be sent",
  "already-sent": "its acknowledgement had already been sent",
  "may-be-sent": "its acknowledgement was already on its way and may still arrive",
  "not-sent": "no acknowledgement was sent",
};

/** What was decided, as the refreshed card says it (the decision event is the record: who, when, what). */
function decisionMade(result: TriageDecided): DecisionMade {
  const { decision } = result;
  const acks = [...new Set(Object.values(result.acknowledgements))].map((a) => ACKNOWLEDGEMENT_WORDING[a]);
  const what =
    decision.type === "case.linked"
      ? `linked to case ${decision.data.toCaseId}, where the contact now is; this case is closed`
      : `not a contact (${NOT_A_CONTACT_REASON_LABELS[decision.data.reason]}${decision.data.note ? `: ${decision.data.note}` : ""}); the case is closed, no letters go out`;
  return {
    byName: decision.by.displayName ?? decision.by.id,
    at: decision.at,
    outcomeLabel: [what, ...acks].join("; "),
  };
}

/**
 * Runs a triage decision once: the use case answers a repeat (a retried invoke, a second click, a colleague first)
 * with the decision already on the log, so everyone's card shows the same decision.
 */
async function decideTriageOnCard(
  deps: BotDeps,
  verb: string,
  turn: Turn,
  caseId: string,
  run: (who: Decider) => Promise<TriageDecided | Refused>,
): Promise<ActionResult> {
  const who = await deps.identify(turn.user);
  if (who === undefined) return notOnStaffList();
  const result = await run(who);
  if (result.status === "refused") return refusedOnCard(deps, verb, caseId, result);
  if (result.status === "recorded") deps.app.logger.info("bot.decision-recorded", { verb, caseId });
  const already = result.status !== "recorded";
  return forEveryone(recorded(deps.app.calendar.timeZone, caseId, decisionMade(result), already));
}

/** `triage.linkCase`: the contact was about a case we hold; it moves there and this case closes (no second 1.2). */
async function linkToCase(deps: BotDeps, verb: string, turn: Turn, data: Data): Promise<ActionResult> {
  const caseId = field(data, "caseId");
  const toCaseId = caseReference(deps, field(data, TRIAGE_INPUTS.caseReference));
  if (caseId === undefined || toCaseId === undefined) {
    return saidUnderTheCard(
      "Nothing was recorded",
      "Give the reference of the existing case (like FC-2026-000123), then link.",
    );
  }
  return decideTriageOnCard(deps, verb, turn, caseId, (who) => linkContact(deps.app, caseId, who, { toCaseId }));
}

const isReason = (value: string | undefined): value is NotAContactReason =>
  (NOT_A_CONTACT_REASONS as readonly (string | undefined)[]).includes(value);

/** `triage.notAContact`: spam, the wrong mailbox, a duplicate, a general enquiry…: the case closes, no letters. */
async function notAContact(deps: BotDeps, verb: string, turn: Turn, data: Data): Promise<ActionResult> {
  const caseId = field(data, "caseId");
  const reason = field(data, TRIAGE_INPUTS.notAContactReason);
  if (caseId === undefined || !isReason(reason)) {
    return saidUnderTheCard("Nothing was recorded", "Choose why this is not a contact, then mark it again.");
  }
  const note = field(data, TRIAGE_INPUTS.notAContactNote);
  return decideTriageOnCard(deps, verb, turn, caseId, (who) =>
    markNotAContact(deps.app, caseId, who, { reason, ...(note ? { note } : {}) }),
  );
}

export const TRIAGE_ACTIONS = {
  [TRIAGE_VERBS.confirmReferrer]: confirmTheReferrer,
  [TRIAGE_VERBS.addToScreening]: addToScreening,
  [TRIAGE_VERBS.linkCase]: linkToCase,
  [TRIAGE_VERBS.notAContact]: notAContact,
} as const;
