import type { Express } from "express";
import type { StandInContext } from "./context.js";

const withContext = (context: StandInContext, subscription: object) => ({
  "@odata.context": `${context.origin()}/v1.0/$metadata#subscriptions/$entity`,
  ...subscription,
});

/** `/subscriptions`: create (with the validation handshake), list, read, renew, reauthorize, delete. */
export function registerSubscriptionRoutes(app: Express, context: StandInContext): void {
  const { subscriptions } = context;

  app.post("/v1.0/subscriptions", async (req, res) => {
    res.status(201).json(withContext(context, await subscriptions.create(req.body)));
  });

  app.get("/v1.0/subscriptions", (_req, res) => {
    res.json({ "@odata.context": `${context.origin()}/v1.0/$metadata#subscriptions`, value: subscriptions.list() });
  });

  app.get("/v1.0/subscriptions/:id", (req, res) => {
    res.json(withContext(context, subscriptions.get(req.params.id)));
  });

  app.post("/v1.0/subscriptions/:id/reauthorize", (req, res) => {
    subscriptions.reauthorize(req.params.id);
    res.status(204).end();
  });

  app.patch("/v1.0/subscriptions/:id", (req, res) => {
    res.json(withContext(context, subscriptions.renew(req.params.id, req.body)));
  });

  app.delete("/v1.0/subscriptions/:id", (req, res) => {
    subscriptions.delete(req.params.id);
    res.status(204).end();
  });
}
