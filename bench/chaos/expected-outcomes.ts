import { decideIntake, neverAnswerRecipient, planAcknowledgement } from "../../src/domain/intake/intake-decision.js";
import { classifyMessage } from "../../src/domain/mail/classify-message.js";
import type { InboundMessage } from "../../src/domain/mail/inbound-message.js";
import type { MailContext } from "../../src/domain/mail/mail-context.js";
import { findOriginalReferrer } from "../../src/domain/mail/original-referrer.js";
import { loadProfile } from "../../src/policy/profiles/index.js";
import { loadEml } from "../../dev/mail/eml.js";

/** What must become of every copy of a fixture, however the run goes. */
export interface ExpectedOutcome {
  /** Logged as a contact (a new case or a follow-up): anything but an autoreply, a bounce, our own mail or a list. */
  readonly contact: boolean;
  /**
   * Acknowledged (rule 1.2) without a person's help. Only claimed for a new request that names no earlier message:
   * a reply's outcome depends on which case its thread or reference found, which is not the run's to predict.
   */
  readonly ack: boolean;
}

const replies = (message: InboundMessage): boolean =>
  ["in-reply-to", "references"].some((name) => (message.headers[name] ?? []).length > 0);

/** The service's decisions for a fixture, from the same domain functions, with no thread or case known yet. */
export function expectedOutcome(message: InboundMessage, context: MailContext, profileId: string): ExpectedOutcome {
  const classification = classifyMessage(message, context);
  const finding = findOriginalReferrer(message, context);
  const decision = decideIntake(message, classification, finding);
  if (decision.action === "ignore") return { contact: false, ack: false };
  if (decision.action === "follow-up" || replies(message)) return { contact: true, ack: false };
  const referrer = decision.referrer;
  const neverAnswer = referrer?.email
    ? neverAnswerRecipient(message, context, referrer.email)
    : { never: false, reasons: [] };
  const plan = planAcknowledgement({
    profile: loadProfile(profileId),
    kind: decision.kind,
    ...(referrer ? { referrer } : {}),
    neverAnswer,
    senderCapReached: false,
  });
  return { contact: true, ack: plan.plan === "send" };
}

/** Expected outcomes of the mix's fixtures, by file name. */
export async function expectedOutcomes(
  fixtures: readonly string[],
  context: MailContext,
  profileId: string,
): Promise<Map<string, ExpectedOutcome>> {
  const outcomes = new Map<string, ExpectedOutcome>();
  for (const file of fixtures) outcomes.set(file, expectedOutcome(await loadEml(file), context, profileId));
  return outcomes;
}
