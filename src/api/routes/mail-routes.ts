import express, { Router } from "express";
import { linkMailToCase, logMailByHand } from "../../app/mail-by-hand.js";
import { isRefused } from "../../app/outcome.js";
import { READ_ROLES } from "../../app/access/roles.js";
import type { StaffCaller } from "../../app/people.js";
import {
  lookupFor,
  lookupMail,
  lookupMailByInternetMessageId,
  type MailLookup,
} from "../../app/queries/mail-lookup.js";
import { listSetAsideMail } from "../../app/queries/set-aside-mail.js";
import { staffNames } from "../../app/queries/staff-directory.js";
import type { Refused } from "../../app/outcome.js";
import type { ApiDeps } from "../api-deps.js";
import type { MailLookupResponse, SetAsideMailResponse } from "../contract.js";
import { badRequest } from "../errors.js";
import { queryString, requireString, route } from "../http.js";
import { mailLookupView } from "../presenters/mail-lookup-view.js";
import { refusal } from "../presenters/mutation-result.js";

/** The Outlook pane's routes: what became of the open email, and logging or linking it by hand. */
export function mailRoutes(deps: ApiDeps): Router {
  const router = Router();
  const json = express.json({ limit: "256kb" });
  const { app } = deps;
  /** What became of the email, and its case only for someone who needs to know it. */
  const present = async (caller: StaffCaller, lookup: MailLookup | Refused): Promise<MailLookupResponse> => {
    if ("status" in lookup && isRefused(lookup)) throw refusal(lookup);
    const found = lookupFor(caller, lookup as MailLookup);
    return mailLookupView(found, found.reading ? await staffNames(app) : new Map());
  };

  router.get(
    "/mail/lookup",
    route(deps, READ_ROLES.anyone, async (req, _res, caller) => {
      const { messageId, internetMessageId } = req.query;
      if (typeof messageId === "string" && messageId !== "") return present(caller, await lookupMail(app, messageId));
      if (typeof internetMessageId === "string" && internetMessageId !== "") {
        return present(caller, await lookupMailByInternetMessageId(app, internetMessageId));
      }
      throw badRequest(
        'Give "internetMessageId" (the email\'s Message-ID, as Outlook shows it) or "messageId" (the Graph immutable id of the message in the Family Centre mailbox).',
      );
    }),
  );
  router.post(
    "/mail/log",
    json,
    route(deps, READ_ROLES.duty, async (req, _res, caller) =>
      present(caller, await logMailByHand(app, caller, requireString(req.body, "messageId"))),
    ),
  );
  router.post(
    "/mail/link",
    json,
    route(deps, READ_ROLES.duty, async (req, _res, caller) =>
      present(
        caller,
        await linkMailToCase(app, caller, requireString(req.body, "messageId"), requireString(req.body, "caseId")),
      ),
    ),
  );
  router.get(
    "/mail/set-aside",
    route(deps, READ_ROLES.duty, (req): Promise<SetAsideMailResponse> =>
      listSetAsideMail(app, queryString(req, "continuation")),
    ),
  );
  return router;
}
