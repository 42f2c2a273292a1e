import type { AppDeps } from "./app-deps.js";
import { withIntakeStart } from "./inbox-bounds.js";

/** Junk Email messages moved into the Inbox per run; the next run goes on with the rest. */
const SWEEP_LIMIT = 50;

/**
 * Exchange's junk filter can take a referral for spam, and intake reads the Inbox only (as the subscription and
 * delta see it): mail filtered into Junk Email since go-live is moved into the Inbox, where the next round logs it
 * like any other (a duty worker sorts what really is junk from its triage card). Nothing from before go-live moves.
 */
export async function sweepJunkMail(deps: AppDeps): Promise<number> {
  const { intakeFrom } = await withIntakeStart(deps, deps.clock.now());
  const moved = await deps.mailbox.moveJunkToInbox(intakeFrom, SWEEP_LIMIT);
  if (moved > 0) deps.logger.info("intake.junk-swept", { moved });
  return moved;
}
