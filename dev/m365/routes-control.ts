import type { Express } from "express";
import type { StandInContext } from "./context.js";
import { badRequest } from "./errors.js";
import { faultRequestSchema } from "./faults.js";

/**
 * `/_standin/*`: faults, stats (all, or one mailbox's), the mailboxes served and reset (of all) for tests and
 * benchmarks. Local only, outside `/v1.0`, no auth.
 */
export function registerControlRoutes(
  app: Express,
  context: StandInContext,
  reset: () => void,
  stats: () => object,
): void {
  const { faults } = context;

  app.post("/_standin/faults", async (req, res) => {
    const parsed = faultRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest("InvalidFaults", `Fault settings not understood: ${parsed.error.message}`);
    const { removeSubscription, sendMissed, sendReauthorizationRequired, ...settings } = parsed.data;
    const applied = faults.set(settings);
    if (removeSubscription) await faults.removeSubscription(removeSubscription);
    if (sendMissed) await faults.sendMissed(sendMissed);
    if (sendReauthorizationRequired) await faults.sendReauthorizationRequired(sendReauthorizationRequired);
    res.json(applied);
  });

  app.get("/_standin/faults", (_req, res) => {
    res.json(faults.get());
  });

  app.get("/_standin/stats", (_req, res) => {
    res.json(stats());
  });

  // One mailbox's (by address or user id): e.g. its Graph requests against its own limit.
  app.get("/_standin/stats/:mailbox", (req, res) => {
    res.json(context.mailboxes.get(req.params.mailbox).snapshot());
  });

  app.get("/_standin/mailboxes", (_req, res) => {
    res.json(context.mailboxes.all.map(({ address, displayName, userId }) => ({ address, displayName, userId })));
  });

  app.post("/_standin/reset", (_req, res) => {
    reset();
    res.status(204).end();
  });
}
