import type { MailLookup } from "../../app/queries/mail-lookup.js";
import type { MailLookupResponse } from "../contract.js";
import { caseWithClocks } from "./case-views.js";

export const mailLookupView = (lookup: MailLookup, names: ReadonlyMap<string, string>): MailLookupResponse => {
  const { record, reading, messageId } = lookup;
  return {
    logged: record?.state === "logged",
    ...(record ? { state: record.state } : {}),
    ...(record?.reason === undefined ? {} : { reason: record.reason }),
    ...(record?.contactId === undefined ? {} : { contactId: record.contactId }),
    ...(reading ? { case: caseWithClocks(reading, names) } : {}),
    ...(messageId === undefined ? {} : { messageId }),
  };
};
