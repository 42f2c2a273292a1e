import { randomUUID } from "node:crypto";
import type { Case } from "../../domain/case.js";
import {
  CONTACT_KIND_LABELS,
  type Contact,
  type ContactChannel,
  type ContactKind,
  type Referrer,
} from "../../domain/contact.js";
import { planAcknowledgement } from "../../domain/intake/intake-decision.js";
import { CONTACT_LOGGING_ROLES, openCase } from "../../domain/lifecycle/open-case.js";
import type { NewOutboxItem } from "../../ports/outbox.js";
import type { AppDeps } from "../app-deps.js";
import type { Decider } from "../decider.js";
import { triageCard, type Acknowledged } from "../intake-notices.js";
import { letterKey } from "../mail-keys.js";
import { refused, refusalsAsValues, type Refused } from "../outcome.js";
import { reindexCase } from "../reindex-case.js";

/** How a contact reached the centre when it did not come by email. */
export type HandChannel = Exclude<ContactChannel, "mailbox">;

/** What a duty worker types in for a contact that did not come by email (1.3: walk-ins are entered by hand). */
export interface HandContact {
  readonly kind: ContactKind;
  readonly channel: HandChannel;
  /** UTC ISO-8601 instant it reached the centre; the clocks start here, 1.3 measures the delay to logging it. */
  readonly receivedAt: string;
  readonly referrer?: Omit<Referrer, "confirmed">;
  /** A line on what it is about, for the case's summary (no names: it shows in lists and shared chats). */
  readonly summary?: string;
}

export type HandContactLogged =
  { readonly status: "recorded"; readonly case: Case; readonly contactId: string } | Refused;

const CHANNEL_WORDS: Record<HandChannel, string> = {
  phone: "a phone call",
  "walk-in": "a walk-in",
  letter: "a letter",
  gateway: "a Gateway enquiry",
  "social-care": "Children's Social Care",
};

/**
 * Logs a contact a person took by phone, at the desk, by letter, from the Gateway or from Social Care: a new case
 * whose clocks start when it was received, as the profile gives them for its kind (1.3, 6.1, 7.1…; a step-down goes
 * straight to allocation). The person typing it confirms the referrer they name, so the acknowledgement (1.2) goes
 * to them; with no email address there is no one to write to, and triage says so.
 */
export async function logContactByHand(
  deps: Pick<
    AppDeps,
    "cases" | "worklists" | "deadlines" | "compliance" | "outbox" | "profile" | "calendar" | "clock" | "logger"
  >,
  who: Decider,
  input: HandContact,
): Promise<HandContactLogged> {
  const now = deps.clock.now();
  const received = new Date(input.receivedAt);
  if (Number.isNaN(received.getTime()) || received.getTime() > now.getTime()) {
    return refused(
      "CONTACT.INVALID",
      `"${input.receivedAt}" cannot be when the contact was received: give a time in the past.`,
    );
  }
  if (!CONTACT_LOGGING_ROLES.some((role) => who.roles.includes(role))) {
    return refused("CASE.FORBIDDEN", "Only a duty worker or a manager logs a contact. Ask one of them to log it.");
  }
  return refusalsAsValues(async (): Promise<HandContactLogged> => {
    const year = Number(deps.calendar.localDate(received).slice(0, 4));
    const caseId = await deps.cases.nextCaseId(year);
    const contactId = `h-${randomUUID()}`;
    const referrer: Referrer | undefined =
      input.referrer && Object.values(input.referrer).some((v) => v)
        ? { ...input.referrer, confirmed: true }
        : undefined;
    const opened = openCase({
      id: caseId,
      contactId,
      kind: input.kind,
      receivedAt: received.toISOString(),
      ...(referrer ? { referrer } : {}),
      actor: who.actor,
      profile: deps.profile,
      now,
      outOfHours: !deps.calendar.isWithinWorkingHours(received),
    });
    const kase: Case = { ...opened.case, summary: input.summary?.trim() || CONTACT_KIND_LABELS[input.kind] };
    const contact: Contact = {
      id: contactId,
      caseId,
      kind: input.kind,
      receivedAt: received.toISOString(),
      channel: input.channel,
      ...(referrer ? { referrer } : {}),
      isFollowUp: false,
    };
    await deps.cases.create(kase, opened.events, [contact]);
    await reindexCase(deps, kase, now, { fresh: true });
    const { acknowledged, letter } = acknowledgement(deps, kase, contactId, referrer);
    const sorted = { reasons: [`Logged by hand from ${CHANNEL_WORDS[input.channel]}.`], confidence: 1 };
    await deps.outbox.enqueueAll([...letter, triageCard(caseId, contactId, sorted, acknowledged)], now);
    deps.logger.info("contact.logged-by-hand", { caseId, kind: input.kind, channel: input.channel });
    return { status: "recorded", case: kase, contactId };
  });
}

/**
 * 1.2 for a referrer a person vouched for (named by hand, or confirmed at the centre a case was transferred from),
 * when the profile acknowledges this kind and there is an address; `template`: another of the profile's letters
 * stands as the acknowledgement (a transfer's).
 */
export function acknowledgement(
  deps: Pick<AppDeps, "profile">,
  kase: Case,
  contactId: string,
  referrer: Referrer | undefined,
  template?: string,
): { acknowledged: Acknowledged; letter: NewOutboxItem[] } {
  const plan = planAcknowledgement({
    profile: deps.profile,
    kind: kase.kind,
    ...(referrer ? { referrer } : {}),
    neverAnswer: { never: false, reasons: [] },
    senderCapReached: false,
  });
  if (plan.plan === "none") return { acknowledged: { plan: "none", reason: plan.reason }, letter: [] };
  if (plan.plan !== "send") return { acknowledged: { plan: plan.plan }, letter: [] };
  const letter: NewOutboxItem = {
    caseId: kase.id,
    key: letterKey(kase.id, "acknowledgement", contactId),
    channel: "email",
    purpose: "acknowledgement",
    payload: { letter: "acknowledgement", contactId, ...(template === undefined ? {} : { template }) },
  };
  return { acknowledged: { plan: "send" }, letter: [letter] };
}
