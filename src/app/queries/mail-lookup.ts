import type { MessageRecord } from "../../ports/message-ledger.js";
import { mayReadCase } from "../access/case-access.js";
import type { AppDeps } from "../app-deps.js";
import type { StaffCaller } from "../people.js";
import { readCase, type CaseReading } from "./case-reading.js";
import { clocksNow } from "./clocks-now.js";

type LookupDeps = Pick<AppDeps, "messages" | "mailbox" | "cases" | "profile" | "calendar" | "clock">;

/** What the service did with one email of the mailbox, and where its case stands. */
export interface MailLookup {
  /** The mailbox's immutable id of its copy; absent when the mailbox never received it. */
  readonly messageId?: string;
  readonly record?: MessageRecord;
  readonly reading?: CaseReading;
}

async function withCase(deps: LookupDeps, messageId: string, record: MessageRecord | undefined): Promise<MailLookup> {
  const stored = record?.caseId === undefined ? undefined : await deps.cases.findCase(record.caseId);
  return {
    messageId,
    ...(record ? { record } : {}),
    ...(stored ? { reading: readCase(stored, clocksNow(deps)) } : {}),
  };
}

/** By the mailbox's immutable id. */
export async function lookupMail(deps: LookupDeps, messageId: string): Promise<MailLookup> {
  return withCase(deps, messageId, await deps.messages.find(messageId));
}

/**
 * The same for the email open in Outlook, which knows only its Message-ID: the mailbox says which of its messages
 * that is, then the ledger says what the service did with it. A copy the service handled wins over one it did not
 * (the Inbox copy over one in Sent Items); none at all means the mailbox has not received it.
 */
export async function lookupMailByInternetMessageId(deps: LookupDeps, internetMessageId: string): Promise<MailLookup> {
  const ids = await deps.mailbox.findByInternetMessageId(internetMessageId);
  const records = await Promise.all(ids.map((id) => deps.messages.find(id)));
  const handled = records.findIndex((record) => record !== undefined);
  const messageId = ids[Math.max(handled, 0)];
  if (messageId === undefined) return {};
  return withCase(deps, messageId, records[handled]);
}

/** What `caller` may see of a lookup: its case only if they need to know it (else what became of the email only). */
export function lookupFor(caller: StaffCaller, lookup: MailLookup): MailLookup {
  if (lookup.reading === undefined || mayReadCase(caller, lookup.reading.stored.case)) return lookup;
  const { reading: _reading, record, ...rest } = lookup;
  if (record === undefined) return rest;
  const { caseId: _caseId, contactId: _contactId, ...anonymous } = record;
  return { ...rest, record: anonymous };
}
