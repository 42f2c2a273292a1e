import { logInboundMessage } from "../../app/log-inbound-message.js";
import type { MessageRecord } from "../../ports.js";
import type { ApiDeps } from "../api-deps.js";
import type { MailLookupResponse } from "../contract.js";
import { staffNames } from "./case-loader.js";
import { caseWithClocks } from "./clock-view.js";

async function lookupRecord(deps: ApiDeps, record: MessageRecord | undefined): Promise<MailLookupResponse> {
  if (record === undefined) return { logged: false };
  const stored = record.caseId === undefined ? undefined : await deps.app.cases.findCase(record.caseId);
  const names = stored ? await staffNames(deps) : new Map<string, string>();
  return {
    logged: record.state === "logged",
    state: record.state,
    ...(record.reason === undefined ? {} : { reason: record.reason }),
    ...(record.contactId === undefined ? {} : { contactId: record.contactId }),
    ...(stored ? { case: caseWithClocks(stored, deps.app, names) } : {}),
  };
}

/** Was this message (Graph immutable id) logged, and where does its case stand? */
export async function lookupMail(deps: ApiDeps, messageId: string): Promise<MailLookupResponse> {
  return lookupRecord(deps, await deps.app.messages.find(messageId));
}

/** Logs a message from the mailbox through the same intake the inbox sync uses (once, whoever asks first). */
export async function logMail(deps: ApiDeps, messageId: string): Promise<MailLookupResponse> {
  const message = await deps.app.mailbox.getMessage(messageId);
  await logInboundMessage(deps.app, message);
  return lookupMail(deps, messageId);
}
