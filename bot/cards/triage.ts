import type { ContactKind, Referrer } from "../../src/domain/contact.js";
import { DEFAULT_SHARED_CARD_DETAIL, type SharedCardDetail } from "../../src/domain/privacy/shared-card-detail.js";
import { CONTACT_KIND_LABELS, NOT_A_CONTACT_REASON_LABELS, NOT_A_CONTACT_REASONS } from "../../src/domain/contact.js";
import type { AcknowledgementPlan } from "../../src/domain/intake/intake-decision.js";
import type { Deadline } from "../../src/domain/rules/deadline.js";
import { adaptiveCard, type AdaptiveCardJson, type CardElement } from "./card-json.js";
import { actionSet, execute, openUrl } from "./elements/actions.js";
import { clockLines } from "./elements/clocks.js";
import { choiceInput, textInput } from "./elements/inputs.js";
import { formatInstant } from "./elements/london-time.js";
import { bullets, container, facts, heading, text } from "./elements/text.js";

export const TRIAGE_VERBS = {
  confirmReferrer: "triage.confirmReferrer",
  linkCase: "triage.linkCase",
  notAContact: "triage.notAContact",
  addToScreening: "triage.addToScreening",
} as const;

/** Input ids of the triage card, read by the invoke handler. */
export const TRIAGE_INPUTS = {
  referrerName: "referrerName",
  referrerEmail: "referrerEmail",
  referrerOrganisation: "referrerOrganisation",
  caseReference: "caseReference",
  notAContactReason: "notAContactReason",
  notAContactNote: "notAContactNote",
} as const;

/** Where the rule 1.2 acknowledgement stands. */
export type AcknowledgementStatus =
  | { readonly state: "sent"; readonly at: string }
  | { readonly state: "queued" }
  | { readonly state: "held"; readonly reason: Extract<AcknowledgementPlan, { plan: "hold" }>["reason"] }
  | { readonly state: "not-sent"; readonly reason: Extract<AcknowledgementPlan, { plan: "none" }>["reason"] };

export interface TriageView {
  readonly timeZone: string;
  readonly caseId: string;
  readonly contactId: string;
  readonly kind: ContactKind;
  readonly receivedAt: string;
  /** Why the mailbox sorted it as this kind, and how sure it was (0..1). */
  readonly reasons: readonly string[];
  readonly confidence: number;
  readonly referrer?: Referrer;
  readonly acknowledgement: AcknowledgementStatus;
  readonly clocks: readonly Deadline[];
  readonly outOfHours: boolean;
  /** Deep link to the contact in the tab. */
  readonly tabUrl: string;
  readonly etag?: string;
  /**
   * What the centre lets the duty chat see (Settings): by default no names, so the referrer's name and email are
   * neither shown nor prefilled; `with-referrer-organisation` shows and prefills their organisation only.
   */
  readonly detail?: SharedCardDetail;
}

const HELD_BECAUSE = {
  "referrer-unconfirmed": "held until a duty worker confirms who referred",
  "sender-daily-cap": "held: this sender has had as many replies today as we send",
} as const;
const NOT_SENT_BECAUSE = {
  "not-for-this-kind": "not sent for this kind of contact",
  "never-answer": "not sent: the sender must never be answered automatically",
  "no-acknowledgement-rule": "not sent: the profile has no acknowledgement rule",
  "too-old": "not sent: the email was received too long before it was read",
} as const;

function acknowledgementWording(ack: AcknowledgementStatus, timeZone: string): string {
  switch (ack.state) {
    case "sent":
      return `Sent ${formatInstant(ack.at, timeZone)}`;
    case "queued":
      return "Queued to send";
    case "held":
      return `Not sent yet: ${HELD_BECAUSE[ack.reason]}`;
    case "not-sent":
      return `Not sent: ${NOT_SENT_BECAUSE[ack.reason]}`;
  }
}

const confidenceWording = (c: number): string =>
  `${Math.round(c * 100)}% sure${c < 1 ? ": check the reasons below" : ""}`;

/**
 * Confirmed: who we acknowledge. Otherwise inputs to confirm or correct them (releases a held acknowledgement).
 * No input is marked required: every action of a card validates every input, which would block "Not a contact";
 * the handler checks what each verb needs.
 */
function referrerSection(view: TriageView): CardElement[] {
  const shown = shownReferrer(view);
  const r = shown.referrer;
  const who = [r?.name, r?.email, r?.organisation].filter((p): p is string => !!p).join(", ");
  if (view.referrer?.confirmed === true) return [facts([["Acknowledges", who || shown.elsewhere]])];
  const found =
    view.referrer !== undefined && (view.referrer.name ?? view.referrer.email ?? view.referrer.organisation);
  return [
    text(
      who
        ? `Referrer to confirm (best guess: ${who})`
        : found
          ? `Referrer to confirm: ${shown.elsewhere}`
          : "Referrer to confirm: none found in the message",
      { weight: "bolder", color: "warning" },
    ),
    textInput(TRIAGE_INPUTS.referrerName, "Referrer's name", { ...(r?.name && { value: r.name }) }),
    textInput(TRIAGE_INPUTS.referrerEmail, "Referrer's email", { ...(r?.email && { value: r.email }) }),
    textInput(TRIAGE_INPUTS.referrerOrganisation, "Organisation", {
      ...(r?.organisation && { value: r.organisation }),
    }),
    actionSet([execute("Confirm referrer", TRIAGE_VERBS.confirmReferrer, ids(view), "positive")]),
  ];
}

/**
 * The part of the referrer the duty chat may see: their organisation with `with-referrer-organisation`, otherwise
 * nothing (the tab has the rest).
 */
function shownReferrer(view: TriageView): { referrer?: Partial<Referrer>; elsewhere: string } {
  const elsewhere = "the referrer's details are in the tab";
  const r = view.referrer;
  const detail = view.detail ?? DEFAULT_SHARED_CARD_DETAIL;
  if (r === undefined) return { elsewhere };
  if (detail === "with-referrer-organisation")
    return { elsewhere, ...(r.organisation ? { referrer: { organisation: r.organisation } } : {}) };
  return { elsewhere };
}

const ids = (view: TriageView) => ({
  caseId: view.caseId,
  contactId: view.contactId,
  ...(view.etag !== undefined && { etag: view.etag }),
});

/** A new contact for the duty channel: what it is and why, who we acknowledge, its clocks and what to do next. */
export function triageCard(view: TriageView): AdaptiveCardJson {
  const body: CardElement[] = [
    heading(`New contact: ${CONTACT_KIND_LABELS[view.kind]} · ${view.caseId}`),
    ...(view.outOfHours
      ? [text("Received out of hours", { color: "attention", weight: "bolder", spacing: "none" })]
      : []),
    facts([
      ["Received", formatInstant(view.receivedAt, view.timeZone)],
      ["Sorted as", `${CONTACT_KIND_LABELS[view.kind]} (${confidenceWording(view.confidence)})`],
      ["Acknowledgement", acknowledgementWording(view.acknowledgement, view.timeZone)],
    ]),
    ...(view.reasons.length > 0 ? [text("Why", { weight: "bolder" }), bullets(view.reasons)] : []),
    container(referrerSection(view), { separator: true }),
    container([text("Clocks", { weight: "bolder" }), ...clockLines(view.clocks, view.timeZone)], { separator: true }),
    container(
      [
        textInput(TRIAGE_INPUTS.caseReference, "Existing case reference", { placeholder: "FC-2026-000123" }),
        actionSet([execute("Link to this case", TRIAGE_VERBS.linkCase, ids(view))]),
        choiceInput(
          TRIAGE_INPUTS.notAContactReason,
          "Why this is not a contact",
          NOT_A_CONTACT_REASONS.map((reason) => ({ title: NOT_A_CONTACT_REASON_LABELS[reason], value: reason })),
          { placeholder: "Choose the reason" },
        ),
        textInput(TRIAGE_INPUTS.notAContactNote, "Note (needed for another reason)", { multiline: true }),
        actionSet([execute("Not a contact", TRIAGE_VERBS.notAContact, ids(view), "destructive")]),
      ],
      { separator: true },
    ),
  ];
  return adaptiveCard(body, [
    execute("Add to today's screening", TRIAGE_VERBS.addToScreening, ids(view), "positive"),
    openUrl("Open in the tab", view.tabUrl),
  ]);
}
