import { refused, type Refused } from "../outcome.js";

/** What data protection's use cases refuse, as values every door words its own way. */
export type DataProtectionCode =
  | "DATA_PROTECTION.NOT_ALLOWED"
  | "DATA_PROTECTION.TEXT_TOO_SHORT"
  | "DATA_PROTECTION.REASON_NEEDED"
  | "DATA_PROTECTION.REASON_QUOTES_TEXT"
  | "DATA_PROTECTION.TEXT_NOT_FOUND"
  | "DATA_PROTECTION.QUERY_TOO_SHORT"
  | "DATA_PROTECTION.PERSON_NOT_FOUND"
  | "DATA_PROTECTION.BAD_PERIOD";

const refusal = (code: DataProtectionCode, message: string): Refused => refused(code, message);

export const notDataProtection = (): Refused =>
  refusal("DATA_PROTECTION.NOT_ALLOWED", "Only staff with the data protection role can do this; ask an admin.");

export const textTooShort = (min: number): Refused =>
  refusal("DATA_PROTECTION.TEXT_TOO_SHORT", `Give at least ${min} characters of the text to correct or redact.`);

export const reasonNeeded = (): Refused =>
  refusal("DATA_PROTECTION.REASON_NEEDED", "Say why (for example the data subject's request and its date).");

export const reasonQuotesText = (): Refused =>
  refusal(
    "DATA_PROTECTION.REASON_QUOTES_TEXT",
    "The reason is kept for good: write it without the text being removed, or the correction.",
  );

export const textNotFound = (caseId: string): Refused =>
  refusal(
    "DATA_PROTECTION.TEXT_NOT_FOUND",
    `Case ${caseId} holds no copy of that text (it must match exactly, capitals included). Nothing was changed.`,
  );

export const queryTooShort = (min: number): Refused =>
  refusal("DATA_PROTECTION.QUERY_TOO_SHORT", `Search with at least ${min} characters.`);

export const personNotFound = (): Refused =>
  refusal("DATA_PROTECTION.PERSON_NOT_FOUND", "Nobody matching that person key is held; search again.");

export const badAuditPeriod = (maxDays: number): Refused =>
  refusal(
    "DATA_PROTECTION.BAD_PERIOD",
    `Give "from" and "to" as dates (YYYY-MM-DD), "from" not after "to", at most ${maxDays} days apart.`,
  );
