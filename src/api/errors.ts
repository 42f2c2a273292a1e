/** Stable codes of the API's own refusals; domain and store errors keep theirs (see `statusOf`). */
export type ApiErrorCode =
  | "AUTH.MISSING_TOKEN"
  | "AUTH.EXPIRED"
  | "AUTH.BAD_SIGNATURE"
  | "AUTH.WRONG_AUDIENCE"
  | "AUTH.WRONG_TENANT"
  | "AUTH.WRONG_ISSUER"
  | "AUTH.INVALID_TOKEN"
  | "AUTH.WRONG_SCOPE"
  | "AUTH.UNKNOWN_CLIENT"
  | "AUTH.NOT_ON_STAFF_LIST"
  | "AUTH.ROLE_REFUSED"
  | "API.STALE_ETAG"
  | "API.ETAG_REQUIRED"
  | "API.NOT_FOUND"
  | "API.BAD_REQUEST";

const STATUS: Record<ApiErrorCode, number> = {
  "AUTH.MISSING_TOKEN": 401,
  "AUTH.EXPIRED": 401,
  "AUTH.BAD_SIGNATURE": 401,
  "AUTH.WRONG_AUDIENCE": 401,
  "AUTH.WRONG_TENANT": 401,
  "AUTH.WRONG_ISSUER": 401,
  "AUTH.INVALID_TOKEN": 401,
  "AUTH.WRONG_SCOPE": 401,
  "AUTH.UNKNOWN_CLIENT": 401,
  "AUTH.NOT_ON_STAFF_LIST": 403,
  "AUTH.ROLE_REFUSED": 403,
  "API.STALE_ETAG": 412,
  "API.ETAG_REQUIRED": 428,
  "API.NOT_FOUND": 404,
  "API.BAD_REQUEST": 400,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = STATUS[code];
  }
}

export const missingToken = (): ApiError =>
  new ApiError("AUTH.MISSING_TOKEN", "Sign in first: the request carried no bearer token.");
export const tokenExpired = (): ApiError =>
  new ApiError("AUTH.EXPIRED", "Your sign-in has expired. Reload the tab to sign in again.");
export const badSignature = (): ApiError =>
  new ApiError("AUTH.BAD_SIGNATURE", "The sign-in token's signature could not be verified with the tenant's keys.");
export const wrongAudience = (): ApiError =>
  new ApiError("AUTH.WRONG_AUDIENCE", "The sign-in token was issued for another application, not this service.");
export const wrongTenant = (): ApiError =>
  new ApiError("AUTH.WRONG_TENANT", "The sign-in token comes from another organisation's tenant.");
export const wrongIssuer = (): ApiError =>
  new ApiError("AUTH.WRONG_ISSUER", "The sign-in token was not issued by this tenant's Microsoft Entra ID.");
export const invalidToken = (): ApiError =>
  new ApiError("AUTH.INVALID_TOKEN", "The sign-in token could not be read. Reload the tab to sign in again.");
export const wrongScope = (): ApiError =>
  new ApiError("AUTH.WRONG_SCOPE", "The sign-in token does not carry this service's access_as_user scope.");
export const unknownClient = (): ApiError =>
  new ApiError("AUTH.UNKNOWN_CLIENT", "The sign-in token was obtained by an application this service does not trust.");
export const notOnStaffList = (): ApiError =>
  new ApiError(
    "AUTH.NOT_ON_STAFF_LIST",
    "You are signed in but not on the Family Centre's staff list. Ask an admin to add you in Settings.",
  );
export const roleRefused = (needed: readonly string[]): ApiError =>
  new ApiError("AUTH.ROLE_REFUSED", `Only a ${needed.join(" or ")} can do this. Ask an admin if your role is wrong.`);
export const staleEtag = (what: string): ApiError =>
  new ApiError("API.STALE_ETAG", `${what} was changed by someone else since you opened it. Reload it and try again.`);
export const etagRequired = (): ApiError =>
  new ApiError("API.ETAG_REQUIRED", "Send the If-Match header with the ETag you read, so no one's change is lost.");
export const notFound = (what: string): ApiError => new ApiError("API.NOT_FOUND", `${what} was not found.`);
export const badRequest = (detail: string): ApiError => new ApiError("API.BAD_REQUEST", detail);

/** A use case's refusal (its code and message), as the API answers it: the status comes from `statusOf`. */
export class RefusalError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RefusalError";
  }
}

/** HTTP status for an error a use case, the domain or the store threw with a stable `code`. */
export function statusOf(code: string): number | undefined {
  if (code === "STORE.NOT_FOUND" || code === "CASE.NOT_FOUND") return 404;
  if (code === "STAFF.OWN_RECORD") return 403;
  if (code === "STAFF.DEACTIVATED") return 409;
  if (
    code.startsWith("SETTINGS.") ||
    code.startsWith("SEARCH.") ||
    code === "STAFF.INVALID" ||
    code.startsWith("CALENDAR.")
  ) {
    return 400;
  }
  // Someone else's write landed between our read and our write: the caller's view is stale.
  if (code === "STORE.CONFLICT") return 412;
  if (code === "STORE.ALREADY_EXISTS") return 409;
  if (code === "CASE.FORBIDDEN" || code === "SUPERVISION.FORBIDDEN") return 403;
  if (code === "CASE.INVALID_COMMAND" || code === "CASE.UNKNOWN_OUTCOME" || code === "SUPERVISION.INVALID") return 400;
  if (code === "ACTION.NOT_AVAILABLE") return 409;
  // MAIL.NOT_SET_ASIDE, MAIL.ON_ANOTHER_CASE: the email is not where the person thought (issue 19 §5)
  if (code.startsWith("MAIL.")) return 409;
  // The county triage queue (issue 21 §4): not theirs to route, not in the queue, no such centre, or routed already.
  if (code === "FRONT_DOOR.FORBIDDEN") return 403;
  if (code === "FRONT_DOOR.NOT_FOUND") return 404;
  if (code === "FRONT_DOOR.UNKNOWN_CENTRE") return 400;
  if (code.startsWith("FRONT_DOOR.")) return 409;
  if (code === "ACTION.UNKNOWN") return 404;
  if (code === "ACTION.INVALID_INPUT" || code === "SUPERVISION.NOT_A_PRACTITIONER" || code === "CONTACT.INVALID") {
    return 400;
  }
  if (code === "TEAMS_OUTBOX.NOT_FOUND") return 404;
  if (code === "DATA_PROTECTION.NOT_ALLOWED") return 403;
  if (code === "DATA_PROTECTION.TEXT_NOT_FOUND" || code === "DATA_PROTECTION.PERSON_NOT_FOUND") return 404;
  if (code.startsWith("DATA_PROTECTION.")) return 400;
  if (code === "TEAMS_OUTBOX.NOT_HELD") return 409;
  if (code.startsWith("CASE.")) return 409; // CASE.TRANSITION_NOT_ALLOWED, CASE.ALREADY_DECIDED, …
  return undefined;
}
