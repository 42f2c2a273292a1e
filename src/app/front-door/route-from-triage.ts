import { refused, refusalsAsValues, type Refused } from "../outcome.js";
import type { CallerCentres } from "../staff/caller-centres.js";
import type { CentreRef } from "../../ports/centres.js";
import { mayTriage, notWaiting, triageRefused } from "./county-triage.js";
import { ConcurrencyError } from "../../ports/errors.js";
import { isSetAside } from "../../ports/message-ledger.js";
import { isUnrouted, type FrontDoorDeps, type FrontDoorRoute } from "./front-door.js";
import { centreOf, claimRoute, routeTo } from "./route-front-door-mail.js";

export interface RoutedFromTriage {
  readonly status: "routed";
  readonly centre: CentreRef;
  readonly caseId: string;
}

/**
 * Issue 21 §4: a duty worker of any centre sends an email waiting in the county triage queue to the centre it
 * belongs to. The route is claimed first (so two people choosing different centres at once send it to one only; the
 * second is told where it went), then handed over exactly once: logged there by that centre's intake, its clocks from
 * when it reached the shared address, acknowledged from that centre's mailbox; the case and the county audit record
 * who routed it. Mail set aside as not a referral (an autoreply, say) is logged as the centre's "other" contact with
 * its sender unconfirmed, as any rescued email, so nothing goes out until a person confirms who to answer.
 */
/**
 * The person's route, or the one another person claimed first (which stands). The area rule's claim gives way: its
 * centre set the email aside, so a person decides again.
 */
async function claimByPerson(fd: FrontDoorDeps, messageId: string, route: FrontDoorRoute): Promise<FrontDoorRoute> {
  const claimed = await claimRoute(fd, messageId, route);
  if (claimed.value.by === "person") return claimed.value;
  try {
    return (await fd.routes.put(messageId, route, claimed.etag)).value;
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    return (await claimRoute(fd, messageId, route)).value;
  }
}

export async function routeFromTriage(
  fd: FrontDoorDeps,
  who: CallerCentres,
  messageId: string,
  centreId: string,
): Promise<RoutedFromTriage | Refused> {
  if (!mayTriage(who)) return triageRefused();
  const centre = centreOf(fd, centreId);
  if (centre === undefined) {
    return refused(
      "FRONT_DOOR.UNKNOWN_CENTRE",
      `There is no centre "${centreId}" on this deployment: choose one listed.`,
    );
  }
  const record = await fd.messages.find(messageId);
  if (!isSetAside(record)) return notWaiting(record);
  const route = { centre: centre.ref.id, by: "person", personId: who.staffId, personName: who.displayName } as const;
  const claimed = await claimByPerson(fd, messageId, { ...route, at: fd.clock.now().toISOString() });
  if (claimed.centre !== centre.ref.id) {
    const name = centreOf(fd, claimed.centre)?.ref.name ?? claimed.centre;
    return refused(
      "FRONT_DOOR.ALREADY_ROUTED",
      `${claimed.personName ?? "The service"} is routing this email to ${name} already: reload the queue.`,
    );
  }
  return refusalsAsValues(async () => {
    const message = await fd.mailbox.getMessage(messageId);
    const rescue = !isUnrouted(record.reason);
    const logged =
      (await routeTo(fd, centre, message, claimed, rescue)) ?? (await routeTo(fd, centre, message, claimed, true));
    if (logged === undefined)
      return refused("FRONT_DOOR.NOT_LOGGED", "The centre could not log this email: try again.");
    await fd.messages.clearSetAside(messageId);
    return { status: "routed", centre: centre.ref, caseId: logged.caseId };
  });
}
