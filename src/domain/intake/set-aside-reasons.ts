import type { AreaRoute } from "./area-routing.js";
import type { IgnoreReason } from "./intake-decision.js";

/** Why the county's shared Front Door address left an email for a person (issue 21 §4). */
type FrontDoorReason = Extract<AreaRoute, { routed: false }>["reason"] | "set-aside-by-centre";

/** Why the intake set an email aside, in the words the duty worker's list uses (no personal data). */
const IGNORED: Readonly<Record<IgnoreReason | "duplicate-delivery" | FrontDoorReason, string>> = {
  "own-mail": "Mail this service sent",
  "delivery-failure": "A delivery failure (bounce)",
  autoreply: "An automatic reply (such as out of office)",
  "mailing-list": "Mailing-list mail",
  "delivery-notice": "A mail server's delay or delivery notice",
  "feedback-report": "An abuse or spam feedback report",
  "read-receipt": "A read or return receipt",
  "list-admin": "A mailing list's own notice",
  "challenge-response": "A spam filter asking to verify the sender",
  "sms-gateway": "An SMS gateway's message or report",
  "antivirus-notice": "An antivirus or mail gateway notice",
  recall: "An Outlook message recall",
  calendar: "A calendar invitation or response",
  "duplicate-delivery": "A second copy of an email already logged",
  "no-area-named": "Names no postcode or school: choose its centre",
  "no-centre-covers": "Its postcode or school is in no centre's areas: choose its centre",
  "several-centres": "More than one centre covers its postcode or school: choose one",
  "set-aside-by-centre": "Its centre's intake set it aside: choose again",
};

/** The label for a set-aside email: a reason the rules gave, or the error code of a message that could not be handled. */
export function setAsideReasonLabel(state: "ignored" | "quarantined", reason: string): string {
  if (state === "quarantined") return `Could not be handled (${reason}): set aside after repeated failures`;
  return (IGNORED as Readonly<Record<string, string>>)[reason] ?? `Ignored (${reason})`;
}
