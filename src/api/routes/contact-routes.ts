import express, { Router } from "express";
import { CONTACT_FORM, logContactFromForm } from "../../app/contacts/contact-form.js";
import { CONTACT_LOGGING_ROLES } from "../../domain/lifecycle/open-case.js";
import type { ApiDeps } from "../api-deps.js";
import type { ContactFormResponse, LoggedContact } from "../contract.js";
import { route } from "../http.js";
import { refusal } from "../presenters/mutation-result.js";

/** Contacts that did not come by email, logged by the duty worker who took them. */
export function contactRoutes(deps: ApiDeps): Router {
  const router = Router();
  router.get(
    "/contacts/form",
    route(deps, CONTACT_LOGGING_ROLES, async (): Promise<ContactFormResponse> => ({ inputs: CONTACT_FORM })),
  );
  router.post(
    "/contacts",
    express.json({ limit: "64kb" }),
    route(deps, CONTACT_LOGGING_ROLES, async (req, res, caller): Promise<LoggedContact> => {
      const logged = await logContactFromForm(deps.app, caller, (req.body ?? {}) as Record<string, unknown>);
      if (logged.status === "refused") throw refusal(logged);
      res.status(201);
      return { caseId: logged.case.id, contactId: logged.contactId, state: logged.case.state };
    }),
  );
  return router;
}
