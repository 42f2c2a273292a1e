import { systemActor } from "../../domain/actor.js";
import type { FrontDoorRouteBy } from "../../domain/intake/area-routing.js";
import type { InboundMessage } from "../../domain/mail/inbound-message.js";
import { changeCase } from "../change-case.js";
import { logInboundMessage } from "../log-inbound-message.js";
import type { FrontDoorCentre } from "./front-door.js";

/** Where a Front Door email was logged at its centre. */
export interface HandedOver {
  readonly caseId: string;
  readonly contactId: string;
}

const ROUTER = { actor: systemActor("county-front-door"), roles: [] };

/**
 * The id a centre's ledger keeps a Front Door email under: never one of its own mailbox's ids, so nothing there
 * takes it for mail in its Inbox (and one email routed twice is still one contact).
 */
export const frontDoorCopyId = (messageId: string): string => `frontdoor-${messageId}`;

/**
 * Hands an email from the county's shared Front Door address to a centre: logged there by the centre's own intake
 * (its rules, its clocks from the received instant, its acknowledgement from its own mailbox as a new message),
 * exactly once however often it is handed over, and the case records how it came. Undefined when the centre's rules
 * set it aside (`rescue` logs it whatever they say, as a duty worker's choice).
 */
export async function handOver(
  centre: FrontDoorCentre,
  message: InboundMessage,
  route: { readonly by: FrontDoorRouteBy; readonly routedBy?: string },
  rescue = false,
): Promise<HandedOver | undefined> {
  const { deps } = centre;
  const copy = { ...message, id: frontDoorCopyId(message.id) };
  const result = await logInboundMessage(deps, copy, { fromFrontDoor: true, rescue });
  const logged = result.outcome === "logged" ? result : await loggedBefore(centre, copy.id);
  if (logged === undefined) return undefined;
  const { caseId, contactId } = logged;
  const routedBy = route.routedBy === undefined ? {} : { routedBy: route.routedBy };
  const command = { type: "recordFrontDoorRoute", contactId, by: route.by, ...routedBy } as const;
  await changeCase(deps, caseId, ROUTER, command, { projectLater: true });
  return { caseId, contactId };
}

/** A hand-over done before (a retry, a second click): where the centre logged it. */
async function loggedBefore(centre: FrontDoorCentre, copyId: string): Promise<HandedOver | undefined> {
  const record = await centre.deps.messages.find(copyId);
  if (record?.state !== "logged" || record.caseId === undefined || record.contactId === undefined) return undefined;
  return { caseId: record.caseId, contactId: record.contactId };
}
