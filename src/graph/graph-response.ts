import {
  authFailed,
  GraphThrottledError,
  notFound,
  requestFailed,
  syncReset,
  unavailable,
  type GraphMailboxError,
} from "./errors.js";
import { isThrottling, parseRetryAfter } from "./request-policy.js";

/** Graph's codes for a delta token it no longer knows (410 Gone, or a 40x with one of these). */
const SYNC_STATE_CODES = new Set(["syncstatenotfound", "resyncrequired", "syncstateinvalid"]);

export interface GraphErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string };
}

/** Graph's error code from an error body: safe to log (never the message, which may quote the request). */
export const graphErrorCode = (body: unknown): string | undefined => {
  const code = (body as GraphErrorBody | undefined)?.error?.code;
  return typeof code === "string" ? code : undefined;
};

/** Turns a non-2xx Graph answer into the typed error a caller or an admin can act on. */
export const errorFor = (
  status: number,
  graphCode: string | undefined,
  retryAfter: string | null,
  context: ErrorContext,
): GraphMailboxError => {
  if (isThrottling(status)) {
    return new GraphThrottledError(
      parseRetryAfter(retryAfter, context.now) ?? context.defaultRetrySeconds,
      status,
      graphCode,
    );
  }
  if (status === 410 || (graphCode && SYNC_STATE_CODES.has(graphCode.toLowerCase())))
    return syncReset(status, graphCode);
  if (status === 401 || status === 403) return authFailed(status, graphCode, context.operation);
  if (status === 404) return notFound(context.resource ?? "such item", graphCode);
  if (status >= 500) return unavailable(context.operation, `HTTP ${status}${graphCode ? `, ${graphCode}` : ""}`);
  return requestFailed(context.operation, status, graphCode);
};

export interface ErrorContext {
  readonly operation: string;
  readonly resource?: string;
  readonly now: Date;
  /** Told to a caller when Graph throttled without saying for how long. */
  readonly defaultRetrySeconds: number;
}

export const responseError = async (response: Response, context: ErrorContext): Promise<GraphMailboxError> => {
  const body: unknown = await response.json().catch(() => undefined);
  return errorFor(response.status, graphErrorCode(body), response.headers.get("retry-after"), context);
};
