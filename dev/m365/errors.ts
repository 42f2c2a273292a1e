import { graphInstant } from "./graph-format.js";

/**
 * Errors the stand-in answers with. Each carries the HTTP status and the Graph error `code` a client sees,
 * so the production adapter meets the same shapes here as against Microsoft Graph.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "GraphError";
  }
}

export const notFound = (what: string): GraphError =>
  new GraphError(404, "ErrorItemNotFound", `The specified object was not found in the store. (${what})`);

export const badRequest = (code: string, message: string): GraphError => new GraphError(400, code, message);

export const invalidFilter = (filter: string): GraphError =>
  new GraphError(
    400,
    "ErrorInvalidUrlQueryFilter",
    `The stand-in does not support this $filter: ${filter}. Supported: receivedDateTime ge|gt|le|lt|eq <instant>, conversationId eq '…', internetMessageId eq '<…>', singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…'), joined by 'and'.`,
  );

/** Graph's error body: `{"error":{"code","message","innerError":{…}}}`. */
export function errorBody(error: GraphError, requestId: string, now: Date): object {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: { "request-id": requestId, "client-request-id": requestId, date: graphInstant(now) },
    },
  };
}
