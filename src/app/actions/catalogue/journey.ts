import {
  confirmLevel4,
  receiveStepDown,
  receiveWraparoundRequest,
  recordEscalation,
} from "../../casework/escalation.js";
import { rejectClosure, requestClosure, signOffClosure } from "../../closure.js";
import { confirmReferrer } from "../../confirm-referrer.js";
import { linkContact } from "../../link-contact.js";
import { markNotAContact } from "../../mark-not-a-contact.js";
import { recordSupervision } from "../../supervision/record-supervision.js";
import { closureChecklist } from "../../../domain/lifecycle/decide-closure.js";
import { SUPERVISION_ROLES } from "../../../domain/lifecycle/supervision.js";
import { NOT_A_CONTACT_REASON_LABELS, NOT_A_CONTACT_REASONS, type NotAContactReason } from "../../../domain/contact.js";
import {
  checklistInputs,
  checklistOf,
  choice,
  dateInput,
  flag,
  longText,
  text,
  textInput,
  yesNo,
} from "../action-inputs.js";
import { asActionOutcome } from "../action-outcomes.js";
import type { ActionContext, CaseActionSpec } from "../case-action.js";

/** Contacts whose original referrer a duty worker may still confirm or correct (1.2). */
const referrerContacts = (ctx: ActionContext) =>
  ctx.contacts
    .filter((c) => !c.isFollowUp)
    .map((c) => ({ value: c.id, label: `${c.receivedAt.slice(0, 10)} · ${c.referrer?.email ?? "no address found"}` }));

export const JOURNEY_ACTIONS: readonly CaseActionSpec[] = [
  {
    id: "confirm-referrer",
    label: "Confirm or correct the referrer",
    allowed: { command: "confirmReferrer" },
    events: ["referrer.confirmed"],
    offered: (ctx) => referrerContacts(ctx).length > 0,
    inputs: (ctx) => [
      choice("contact", "Contact", referrerContacts(ctx)),
      textInput("email", "Referrer's email", true),
      textInput("name", "Referrer's name"),
      textInput("organisation", "Organisation"),
    ],
    run: async (deps, caseId, who, values, request) => {
      const name = text(values, "name");
      const organisation = text(values, "organisation");
      const referrer = {
        email: text(values, "email") ?? "",
        ...(name ? { name } : {}),
        ...(organisation ? { organisation } : {}),
      };
      const options = request.expectedEtag === undefined ? {} : { expectedEtag: request.expectedEtag };
      return asActionOutcome(
        await confirmReferrer(deps, caseId, text(values, "contact") ?? "", who, referrer, options),
      );
    },
  },
  {
    id: "link-contact",
    label: "Link this contact to the case it was about",
    allowed: { command: "linkContactToCase" },
    events: ["case.linked"],
    inputs: () => [textInput("to-case", "The existing case (FC-…)", true), longText("note", "Note")],
    run: async (deps, caseId, who, values) => {
      const note = text(values, "note");
      const toCaseId = (text(values, "to-case") ?? "").toUpperCase();
      return asActionOutcome(await linkContact(deps, caseId, who, { toCaseId, ...(note ? { note } : {}) }));
    },
  },
  {
    id: "mark-not-a-contact",
    label: "Mark as not a contact",
    allowed: { command: "markNotAContact" },
    events: ["case.marked-not-a-contact"],
    inputs: () => [
      choice(
        "reason",
        "Why it is not a contact",
        NOT_A_CONTACT_REASONS.map((r) => ({ value: r, label: NOT_A_CONTACT_REASON_LABELS[r] })),
      ),
      longText("note", "Note (needed for another reason)"),
    ],
    run: async (deps, caseId, who, values) => {
      const note = text(values, "note");
      const reason = (text(values, "reason") ?? "other") as NotAContactReason;
      return asActionOutcome(await markNotAContact(deps, caseId, who, { reason, ...(note ? { note } : {}) }));
    },
  },
  {
    id: "record-escalation",
    label: "Escalate to Children's Social Care",
    allowed: { command: "recordEscalation" },
    events: ["escalation.recorded"],
    inputs: () => [yesNo("request-for-support", "The Request for Support is attached"), longText("note", "Case note")],
    run: async (deps, caseId, who, values, request) => {
      const note = text(values, "note");
      const escalation = { requestForSupportAttached: flag(values, "request-for-support"), ...(note ? { note } : {}) };
      return asActionOutcome(await recordEscalation(deps, caseId, who, escalation, request));
    },
  },
  {
    id: "confirm-level-4",
    label: "Record Social Care's Level 4 decision",
    allowed: { command: "confirmLevel4" },
    events: ["social-care.level4-confirmed"],
    inputs: () => [yesNo("wraparound", "Early Help stays on as wraparound support (managers only)")],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(await confirmLevel4(deps, caseId, who, { wraparound: flag(values, "wraparound") }, request)),
  },
  {
    id: "receive-wraparound-request",
    label: "Record Social Care's wraparound request",
    allowed: { command: "receiveWraparoundRequest" },
    events: ["wraparound.requested"],
    inputs: () => [],
    run: async (deps, caseId, who, _values, request) =>
      asActionOutcome(await receiveWraparoundRequest(deps, caseId, who, {}, request)),
  },
  {
    id: "receive-step-down",
    label: "Record Social Care stepping the family down",
    allowed: { command: "receiveStepDownFromSocialCare" },
    events: ["contact.received"],
    inputs: () => [],
    run: async (deps, caseId, who, _values, request) =>
      asActionOutcome(await receiveStepDown(deps, caseId, who, {}, request)),
  },
  {
    id: "request-closure",
    label: "Put the case forward for closure",
    allowed: { command: "requestClosure" },
    events: ["closure.requested"],
    offered: (ctx) => closureChecklist(ctx.profile) !== undefined,
    inputs: (ctx) => [
      ...checklistInputs("checklist", closureChecklist(ctx.profile) ?? [], true),
      longText("summary", "Closure summary", true),
    ],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(
        await requestClosure(
          deps,
          caseId,
          who,
          { checklist: checklistOf("checklist", values), summary: text(values, "summary") ?? "" },
          request,
        ),
      ),
  },
  {
    id: "reject-closure",
    label: "Send the closure request back",
    allowed: { command: "rejectClosure" },
    events: ["closure.rejected"],
    inputs: () => [longText("reason", "What the worker must do first", true)],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(await rejectClosure(deps, caseId, who, { reason: text(values, "reason") ?? "" }, request)),
  },
  {
    id: "sign-off-closure",
    label: "Sign off the closure",
    allowed: { command: "signOffClosure" },
    events: ["closure.signed-off"],
    inputs: () => [dateInput("end-date", "End date of our involvement")],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(await signOffClosure(deps, caseId, who, { endDate: text(values, "end-date") ?? "" }, request)),
  },
];

/**
 * 11.6 is the practitioner's, not the case's: offered on a case with a lead worker so a manager can record the lead's
 * supervision where they are looking (the team view records anyone's).
 */
export const SUPERVISION_ACTION: CaseActionSpec = {
  id: "record-supervision",
  label: "Record the lead worker's supervision",
  allowed: { gate: (_ctx, who) => SUPERVISION_ROLES.some((role) => who.roles.includes(role)) },
  events: ["supervision.recorded"],
  offered: (ctx) => ctx.kase.leadWorkerId !== undefined,
  inputs: () => [],
  run: async (deps, caseId, who, _values, request) => {
    const lead = (await deps.cases.getCase(caseId)).case.leadWorkerId ?? "";
    return asActionOutcome(
      await recordSupervision(deps, lead, who, request.occurredAt ? { occurredAt: request.occurredAt } : {}),
    );
  },
};
