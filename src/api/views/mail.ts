import { linkContact } from "../../app/link-contact.js";
import { logInboundMessage } from "../../app/log-inbound-message.js";
import type { Caller } from "../auth/caller.js";
import { mailSetAside, notFound } from "../errors.js";
import type { MessageRecord } from "../../ports/message-ledger.js";
import type { ApiDeps } from "../api-deps.js";
import type { MailLookupResponse } from "../contract.js";
import { staffNames } from "./case-loader.js";
import { caseWithClocks } from "./clock-view.js";

async function lookupRecord(
  deps: ApiDeps,
  messageId: string,
  record: MessageRecord | undefined,
): Promise<MailLookupResponse> {
  if (record === undefined) return { logged: false, messageId };
  const stored = record.caseId === undefined ? undefined : await deps.app.cases.findCase(record.caseId);
  const names = stored ? await staffNames(deps) : new Map<string, string>();
  return {
    logged: record.state === "logged",
    state: record.state,
    ...(record.reason === undefined ? {} : { reason: record.reason }),
    ...(record.contactId === undefined ? {} : { contactId: record.contactId }),
    ...(stored ? { case: caseWithClocks(stored, deps.app, names) } : {}),
    messageId,
  };
}

/** Was this message (Graph immutable id) logged, and where does its case stand? */
export async function lookupMail(deps: ApiDeps, messageId: string): Promise<MailLookupResponse> {
  return lookupRecord(deps, messageId, await deps.app.messages.find(messageId));
}

/**
 * The same for the email open in Outlook, which knows only its Message-ID: the mailbox says which of its messages
 * that is, then the ledger says what the service did with it. A copy the service handled wins over one it did not
 * (the Inbox copy over one in Sent Items); none at all means the mailbox has not received it.
 */
export async function lookupMailByInternetMessageId(
  deps: ApiDeps,
  internetMessageId: string,
): Promise<MailLookupResponse> {
  const ids = await deps.app.mailbox.findByInternetMessageId(internetMessageId);
  const records = await Promise.all(ids.map((id) => deps.app.messages.find(id)));
  const handled = records.findIndex((record) => record !== undefined);
  const messageId = ids[Math.max(handled, 0)];
  if (messageId === undefined) return { logged: false };
  return lookupRecord(deps, messageId, records[handled]);
}

/** Logs a message from the mailbox through the same intake the inbox sync uses (once, whoever asks first). */
export async function logMail(deps: ApiDeps, messageId: string): Promise<MailLookupResponse> {
  const record = await deps.app.messages.find(messageId);
  // The intake would answer "already handled" and change nothing: say so, rather than seem to log it.
  if (record?.state === "ignored" || record?.state === "quarantined") throw mailSetAside(record.state, record.reason);
  const message = await deps.app.mailbox.getMessage(messageId);
  await logInboundMessage(deps.app, message);
  return lookupMail(deps, messageId);
}

/**
 * Duty triage from Outlook: the message was logged as a new case but is about `toCaseId`; the contact moves there
 * and the new case closes as linked (the same use case as the triage card's).
 */
export async function linkMail(deps: ApiDeps, caller: Caller, messageId: string, toCaseId: string) {
  let record = await deps.app.messages.find(messageId);
  // Outlook offers the link before the inbox round has reached the email: it is logged first (once), then moved.
  if (record === undefined) {
    await logInboundMessage(deps.app, await deps.app.mailbox.getMessage(messageId));
    record = await deps.app.messages.find(messageId);
  }
  if (record?.caseId === undefined) throw notFound("A logged contact for this email");
  await linkContact(deps.app, record.caseId, caller, { toCaseId });
  const target = await deps.app.cases.findCase(toCaseId);
  const names = await staffNames(deps);
  const response: MailLookupResponse = {
    logged: true,
    state: record.state,
    ...(record.contactId === undefined ? {} : { contactId: record.contactId }),
    ...(target ? { case: caseWithClocks(target, deps.app, names) } : {}),
  };
  return response;
}
