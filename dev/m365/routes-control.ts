import type { Express } from "express";
import type { StandInContext } from "./context.js";
import { badRequest } from "./errors.js";
import { faultRequestSchema } from "./faults.js";

/** `/_standin/*`: faults, stats and reset for tests and benchmarks. Local only, outside `/v1.0`, no auth. */
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

  app.post("/_standin/reset", (_req, res) => {
    reset();
    res.status(204).end();
  });
}
