import type { Express } from "express";
import type { StandInContext } from "./context.js";

const withContext = (context: StandInContext, subscription: object) => ({
  "@odata.context": `${context.origin()}/v1.0/$metadata#subscriptions/$entity`,
  ...subscription,
});

/**
 * `/subscriptions`: create (with the validation handshake), list, read, renew, reauthorize, delete. Each subscription
 * belongs to the mailbox its resource names; the list holds every mailbox's, as Graph lists all the app's.
 */
export function registerSubscriptionRoutes(app: Express, context: StandInContext): void {
  const { mailboxes } = context;
  const subscriptions = (id: string) => mailboxes.holdingSubscription(id).subscriptions;

  app.post("/v1.0/subscriptions", async (req, res) => {
    const resource: unknown = (req.body as { resource?: unknown } | undefined)?.resource;
    const created = await mailboxes.forResource(resource).subscriptions.create(req.body);
    res.status(201).json(withContext(context, created));
  });

  app.get("/v1.0/subscriptions", (_req, res) => {
    res.json({
      "@odata.context": `${context.origin()}/v1.0/$metadata#subscriptions`,
      value: mailboxes.subscriptions(),
    });
  });

  app.get("/v1.0/subscriptions/:id", (req, res) => {
    res.json(withContext(context, subscriptions(req.params.id).get(req.params.id)));
  });

  app.post("/v1.0/subscriptions/:id/reauthorize", (req, res) => {
    subscriptions(req.params.id).reauthorize(req.params.id);
    res.status(204).end();
  });

  app.patch("/v1.0/subscriptions/:id", (req, res) => {
    res.json(withContext(context, subscriptions(req.params.id).renew(req.params.id, req.body)));
  });

  app.delete("/v1.0/subscriptions/:id", (req, res) => {
    subscriptions(req.params.id).delete(req.params.id);
    res.status(204).end();
  });
}
