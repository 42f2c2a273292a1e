/** What kind of request for help a contact is (rule 1.3 lists them). */
export const CONTACT_KINDS = [
  "early-help-assessment",
  "request-for-support",
  "dart",
  "front-door",
  "walk-in",
  "step-down-from-social-care",
  "wraparound-request",
  "other",
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** How a contact reached the centre: the mailbox, or by hand (a call, the desk, a letter, the Gateway, Social Care). */
export const CONTACT_CHANNELS = ["mailbox", "phone", "walk-in", "letter", "gateway", "social-care"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The professional (or family member) who asked for help in the first instance (rule 1.2). */
export interface Referrer {
  readonly name?: string;
  readonly email?: string;
  readonly organisation?: string;
  /** How sure we are that this is the original referrer; below the profile's bar a duty worker confirms. */
  readonly confirmed: boolean;
}

/** One request for help (or a follow-up on one), logged once. Personal data stays in the case partition. */
export interface Contact {
  readonly id: string;
  readonly caseId: string;
  readonly kind: ContactKind;
  /** UTC ISO-8601 instant the Family Centre received it; clocks 1.1, 1.2 and 1.3 start here. */
  readonly receivedAt: string;
  readonly channel: ContactChannel;
  readonly messageId?: string;
  readonly conversationId?: string;
  readonly subject?: string;
  readonly referrer?: Referrer;
  /** True when this contact is a reply on an existing case rather than a new request. */
  readonly isFollowUp: boolean;
  /** Its email's body was longer than the intake reads, so only its start was read (issue 19). */
  readonly bodyReadInPart?: true;
}

/** How cards, letters and the tab name each kind; safe for shared chats (no personal data). */
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  "early-help-assessment": "Early Help Assessment",
  "request-for-support": "Request for Support",
  dart: "DART",
  "front-door": "Front Door contact",
  "walk-in": "Walk-in enquiry",
  "step-down-from-social-care": "Step-down from Social Care",
  "wraparound-request": "Wraparound request",
  other: "Other contact",
};

/** Why a duty worker decided that what opened a case was not a request for help (triage); "other" needs a note. */
export const NOT_A_CONTACT_REASONS = ["spam", "wrong-mailbox", "duplicate", "general-enquiry", "other"] as const;
export type NotAContactReason = (typeof NOT_A_CONTACT_REASONS)[number];

export const NOT_A_CONTACT_REASON_LABELS: Record<NotAContactReason, string> = {
  spam: "Spam or junk mail",
  "wrong-mailbox": "Sent to the wrong mailbox",
  duplicate: "A duplicate of a contact already logged",
  "general-enquiry": "A general enquiry, not a request for support",
  other: "Another reason (say which in the note)",
};
