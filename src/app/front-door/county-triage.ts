import { CONTACT_LOGGING_ROLES } from "../../domain/lifecycle/open-case.js";
import type { InboundMessage } from "../../domain/mail/inbound-message.js";
import { isSetAside, type MessageRecord, type SetAsideEntry } from "../../ports/message-ledger.js";
import { refused, refusalsAsValues, type Refused } from "../outcome.js";
import type { CallerCentres } from "../staff/caller-centres.js";
import { contactIdFor } from "../mail-keys.js";
import { waitsForACentre, type FrontDoorDeps, type FrontDoorRoute } from "./front-door.js";

/** One email waiting in the county triage queue: when, from which domain, why, and any route already claimed. */
export interface TriageEntry extends SetAsideEntry {
  readonly route?: FrontDoorRoute;
  /** It waits for a person to choose its centre (see `waitsForACentre`); else it was set aside as not a referral. */
  readonly waiting: boolean;
}

/** The county triage queue is every centre's duty workers' and managers' (issue 21 §4). */
export const mayTriage = (who: CallerCentres): boolean =>
  who.centres.some((c) => c.onStaff && c.roles.some((role) => CONTACT_LOGGING_ROLES.includes(role)));

export const triageRefused = (): Refused =>
  refused(
    "FRONT_DOOR.FORBIDDEN",
    "Only a duty worker or a manager of one of the county's centres routes Front Door mail. Ask one of them.",
  );

/** The queue, newest first (a page of it): never a name, an address or a subject, as the set-aside list keeps. */
export async function countyTriage(
  fd: FrontDoorDeps,
  who: CallerCentres,
  options: { readonly top?: number; readonly continuation?: string } = {},
): Promise<{ readonly entries: readonly TriageEntry[]; readonly continuation?: string } | Refused> {
  if (!mayTriage(who)) return triageRefused();
  const page = await fd.messages.listSetAside(options);
  const routes = await Promise.all(page.items.map((entry) => fd.routes.get(entry.messageId)));
  const entries = page.items.map((entry, i): TriageEntry => {
    const route = routes[i]?.value;
    return { ...entry, waiting: waitsForACentre(entry), ...(route === undefined ? {} : { route }) };
  });
  return { entries, ...(page.continuation === undefined ? {} : { continuation: page.continuation }) };
}

/** An email waiting in triage, as a duty worker reads it to decide where it goes. */
export interface TriageMail {
  readonly messageId: string;
  readonly receivedAt: string;
  readonly from?: string;
  readonly subject: string;
  readonly bodyText: string;
}

/** How much of an email's text the triage view shows: enough to find the family's area, not a whole thread. */
const SHOWN_CHARS = 20_000;

/**
 * Reads one email waiting in triage from the shared mailbox for a duty worker deciding its centre; the read is in the
 * county audit (who read which email, when). Mail already routed is its centre's to show, not the queue's.
 */
export async function readTriageMail(
  fd: FrontDoorDeps,
  who: CallerCentres,
  messageId: string,
): Promise<TriageMail | Refused> {
  if (!mayTriage(who)) return triageRefused();
  const record = await fd.messages.find(messageId);
  if (!isSetAside(record)) return notWaiting(record);
  return refusalsAsValues(async () => {
    const message: InboundMessage = await fd.mailbox.getMessage(messageId);
    await fd.audit.append({
      action: "front-door.read",
      at: fd.clock.now().toISOString(),
      actorId: who.staffId,
      subject: contactIdFor(messageId),
      via: "api",
    });
    const from = message.from?.address ?? message.sender?.address;
    return {
      messageId,
      receivedAt: message.receivedAt,
      ...(from === undefined ? {} : { from }),
      subject: message.subject,
      bodyText: message.bodyText.slice(0, SHOWN_CHARS),
    };
  });
}

/** Not in the queue: routed already, being routed now, or never received at the shared address. */
export const notWaiting = (record: MessageRecord | undefined): Refused =>
  record?.state === "logged"
    ? refused("FRONT_DOOR.ROUTED", "This email has been routed to a centre already: reload the queue.")
    : record?.state === "claimed"
      ? refused("FRONT_DOOR.BEING_ROUTED", "The service is routing this email now: reload in a minute.")
      : refused("FRONT_DOOR.NOT_FOUND", "There is no such email in the county triage queue: reload the queue.");
