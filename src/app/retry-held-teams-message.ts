import { ConcurrencyError } from "../ports/errors.js";
import type { AppDeps } from "./app-deps.js";
import { changedSinceRead } from "./errors.js";
import { refused, type Refused } from "./outcome.js";

/**
 * A duty worker sends a held Teams message again, once what held it is put right (the app added back, a chat chosen,
 * Teams working again): it goes back on the queue for the drain's next round. If it fails again, it is held again.
 */
export async function retryHeldTeamsMessage(
  deps: Pick<AppDeps, "outbox" | "clock" | "logger">,
  partition: string,
  key: string,
): Promise<{ readonly status: "released" } | Refused> {
  const item = await deps.outbox.get(partition, key);
  if (item === undefined || item.channel !== "teams") {
    return refused("TEAMS_OUTBOX.NOT_FOUND", "There is no such Teams message. Reload the list.");
  }
  if (item.state !== "held") {
    return refused(
      "TEAMS_OUTBOX.NOT_HELD",
      `That Teams message is no longer held (it is ${item.state}). Reload the list.`,
    );
  }
  try {
    await deps.outbox.transition(item, { to: "pending" }, deps.clock.now());
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    const stale = changedSinceRead("That Teams message");
    return refused(stale.code, stale.message);
  }
  deps.logger.info("teams-outbox.retried", { purpose: item.purpose });
  return { status: "released" };
}
