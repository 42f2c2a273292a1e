import type { Decider } from "../../src/app/record-decision.js";
import { CaseError, CaseForbiddenError, CaseTransitionError } from "../../src/domain/errors.js";
import { NotFoundError } from "../../src/ports/errors.js";
import type { BotDeps } from "../bot-deps.js";
import { refusal } from "../replies.js";
import { forThisPerson, type ActionResult } from "./action-result.js";

/** Nobody acts on a case without a Staff row (production) — said plainly, without naming the person. */
export const notOnStaffList = (): ActionResult =>
  forThisPerson(
    refusal(
      "You are not on the Family Centre's staff list",
      "Ask a manager to add you to the staff list with your role, then try again. Nothing was recorded.",
    ),
  );

/**
 * Runs a decision and sorts its outcome: done (the refreshed card, for everyone), already decided (the refreshed
 * card shows who decided, for this person only: a retried invoke and a second click land here, and they changed
 * nothing anyone else sees), refused for the role, or not possible (the lifecycle's message, which names the case
 * and its state, never the family). `refreshed` draws the card around the case as it now stands, already in hand.
 */
export async function decideOnce<Done extends { readonly events: readonly { readonly seq: number }[] }, Decided>(
  deps: BotDeps,
  caseId: string,
  verb: string,
  who: Decider,
  apply: () => Promise<Done>,
  refreshed: (inHand: Done | Decided) => Promise<ActionResult>,
  /** What is known of the decision already recorded (the case as read), or undefined when there is none. */
  alreadyDecided: () => Promise<Decided | undefined>,
): Promise<ActionResult> {
  const logger = deps.app.logger.child({ verb, caseId, actorId: who.actor.id });
  try {
    const change = await apply();
    logger.info("bot.decision-recorded", { eventSeq: change.events[0]?.seq });
    return await refreshed(change);
  } catch (error) {
    const decided = error instanceof CaseTransitionError ? await alreadyDecided() : undefined;
    if (error instanceof CaseTransitionError && decided !== undefined) {
      logger.info("bot.decision-already-made", { code: error.code, state: error.state });
      return forThisPerson((await refreshed(decided)).card);
    }
    if (error instanceof CaseForbiddenError) {
      logger.info("bot.decision-refused", { code: error.code });
      return forThisPerson(refusal("You cannot record this decision", error.message));
    }
    if (error instanceof CaseError || error instanceof NotFoundError) {
      logger.info("bot.decision-not-possible", { code: error.code });
      return forThisPerson(refusal("Nothing was recorded", error.message));
    }
    throw error;
  }
}
