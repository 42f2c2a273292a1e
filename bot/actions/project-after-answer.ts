import type { Case } from "../../src/domain/case.js";
import { projectMarked } from "../../src/app/project-cases.js";
import { describeError } from "../../src/logging/logger.js";
import type { BotDeps } from "../bot-deps.js";

/** Each bot's projections still to write, one after another. */
const queues = new WeakMap<BotDeps, Promise<void>>();

/**
 * Writes a decided case's worklists, deadlines and compliance rows after its card is answered, one case at a time, so
 * that many deciders at once are answered first and their rows follow. A failure, or a stop before its turn, leaves
 * the case marked for the projector.
 */
export function projectAfterAnswer(deps: BotDeps, kase: Case): Promise<void> {
  const queued = (queues.get(deps) ?? Promise.resolve()).then(() =>
    projectMarked(deps.app, kase).catch((error: unknown) =>
      deps.app.logger.error("bot.projection-failed", { caseId: kase.id, ...describeError(error) }),
    ),
  );
  queues.set(deps, queued);
  return queued;
}
