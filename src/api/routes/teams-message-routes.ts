import express, { Router } from "express";
import { heldTeamsMessages } from "../../app/queries/held-teams-messages.js";
import { staffNames } from "../../app/queries/staff-directory.js";
import { retryHeldTeamsMessage } from "../../app/retry-held-teams-message.js";
import type { ApiDeps } from "../api-deps.js";
import type { HeldTeamsMessagesResponse, RetryTeamsMessageResponse } from "../contract.js";
import { READ_ROLES } from "../../app/access/roles.js";
import { queryString, requireString, route } from "../http.js";
import { heldTeamsMessageView } from "../presenters/held-teams-message-view.js";
import { refusal } from "../presenters/mutation-result.js";

/** The Teams messages held for a person, where duty workers look, and sending one again. */
export function teamsMessageRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { app } = deps;
  router.get(
    "/teams-messages/held",
    route(deps, READ_ROLES.duty, async (req): Promise<HeldTeamsMessagesResponse> => {
      const [held, names] = await Promise.all([
        heldTeamsMessages(app, queryString(req, "continuation")),
        staffNames(app),
      ]);
      return {
        items: held.items.map((message) => heldTeamsMessageView(message, names)),
        ...(held.continuation === undefined ? {} : { continuation: held.continuation }),
      };
    }),
  );
  router.post(
    "/teams-messages/held/retry",
    express.json(),
    route(deps, READ_ROLES.duty, async (req): Promise<RetryTeamsMessageResponse> => {
      const outcome = await retryHeldTeamsMessage(
        app,
        requireString(req.body, "partition"),
        requireString(req.body, "key"),
      );
      if (outcome.status === "refused") throw refusal(outcome);
      return { released: true };
    }),
  );
  return router;
}
