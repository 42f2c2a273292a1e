import { decideIntake } from "../../domain/intake/intake-decision.js";
import { routeByArea, type FrontDoorRouteBy } from "../../domain/intake/area-routing.js";
import { classifyMessage } from "../../domain/mail/classify-message.js";
import type { InboundMessage } from "../../domain/mail/inbound-message.js";
import { findOriginalReferrer } from "../../domain/mail/original-referrer.js";
import type { Logger } from "../../logging/logger.js";
import { AlreadyExistsError } from "../../ports/errors.js";
import type { Versioned } from "../../ports/records.js";
import { contactIdFor } from "../mail-keys.js";
import { setAsideNote } from "../set-aside-note.js";
import type { InboxIntake, Taken } from "../sync-inbox.js";
import { SET_ASIDE_BY_CENTRE, type FrontDoorCentre, type FrontDoorDeps, type FrontDoorRoute } from "./front-door.js";
import { handOver, type HandedOver } from "./hand-over.js";

/** The system's name in the county audit for what the area rule routed. */
const AREA_RULE = "county-front-door";

/**
 * The county's shared Front Door address's inbox round: each email routed to the centre whose areas its form names
 * (issue 21 §4); one that names none, or that no one centre covers, waits in the county triage queue (its set-aside
 * list, which every centre's duty workers see), as does one it gave up on after repeated failures.
 */
export const frontDoorIntake = (fd: FrontDoorDeps): InboxIntake => ({
  take: (message) => routeFrontDoorMail(fd, message),
  quarantined: async ({ messageId, reason }) => {
    fd.logger.warn("front-door.waiting-in-triage", { messageRef: contactIdFor(messageId), reason });
  },
});

/**
 * One email to the shared address, exactly once: what no centre would log (autoreplies, bounces, our own mail,
 * mailing lists) is set aside and never answered; the rest goes to its centre by the area rule, or to triage.
 */
export async function routeFrontDoorMail(fd: FrontDoorDeps, message: InboundMessage): Promise<Taken> {
  const claim = await fd.messages.claim(message.id, fd.clock.now());
  if (!claim.claimed && claim.existing.state !== "claimed") return { outcome: "already-handled" };
  const log = fd.logger.child({ messageRef: contactIdFor(message.id) });
  const decision = decideIntake(
    message,
    classifyMessage(message, fd.mailContext),
    findOriginalReferrer(message, fd.mailContext),
  );
  if (decision.action === "ignore") return setAside(fd, message, decision.reason, log);
  const route = routeByArea(message.bodyText, areasOf(fd));
  if (!route.routed) return setAside(fd, message, route.reason, log);
  const claimed = (await claimRoute(fd, message.id, { centre: route.centre, by: route.by, at: now(fd) })).value;
  // The centre claimed first stands; one no longer served (configuration changed) leaves it for a person.
  const centre = centreOf(fd, claimed.centre);
  const logged = centre && (await routeTo(fd, centre, message, claimed));
  if (logged === undefined) return setAside(fd, message, SET_ASIDE_BY_CENTRE, log);
  log.info("front-door.routed", { centre: claimed.centre, by: claimed.by });
  return { outcome: "logged" };
}

async function setAside(fd: FrontDoorDeps, message: InboundMessage, reason: string, log: Logger): Promise<Taken> {
  await fd.messages.markIgnored(message.id, reason, setAsideNote(message));
  log.info("front-door.set-aside", { reason });
  return { outcome: "ignored" };
}

const now = (fd: Pick<FrontDoorDeps, "clock">): string => fd.clock.now().toISOString();

const areasOf = (fd: FrontDoorDeps) => fd.centres.map((c) => c.areas);

export const centreOf = (fd: FrontDoorDeps, id: string): FrontDoorCentre | undefined =>
  fd.centres.find((c) => c.ref.id === id);

/** The route claimed for an email, or the one claimed first by another run or person (which then stands). */
export async function claimRoute(
  fd: FrontDoorDeps,
  messageId: string,
  route: FrontDoorRoute,
): Promise<Versioned<FrontDoorRoute>> {
  try {
    return await fd.routes.put(messageId, route);
  } catch (error) {
    const first = error instanceof AlreadyExistsError ? await fd.routes.get(messageId) : undefined;
    if (first === undefined) throw error;
    return first;
  }
}

/**
 * Hands the email to its claimed centre, audits who routed it where (the county audit: the person, or the area rule),
 * and settles it in the shared address's ledger. Every step idempotent: a retry finishes what a stop left.
 */
export async function routeTo(
  fd: FrontDoorDeps,
  centre: FrontDoorCentre,
  message: InboundMessage,
  route: FrontDoorRoute,
  rescue = false,
): Promise<HandedOver | undefined> {
  const by = { by: route.by, ...(route.personName === undefined ? {} : { routedBy: route.personName }) };
  const logged = await handOver(centre, message, by, rescue);
  if (logged === undefined) return undefined;
  await fd.audit.append({
    action: "front-door.routed",
    at: now(fd),
    actorId: route.personId ?? AREA_RULE,
    subject: contactIdFor(message.id),
    via: route.personId === undefined ? "job" : "api",
    detail: { centre: centre.ref.id, caseId: logged.caseId, by: route.by satisfies FrontDoorRouteBy },
  });
  await fd.messages.markLogged(message.id, logged.caseId, logged.contactId);
  return logged;
}
