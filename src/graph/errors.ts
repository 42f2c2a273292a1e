/** Stable codes: logs, the CLI and support notes can rely on them. */
export type GraphErrorCode =
  | "GRAPH.THROTTLED"
  | "GRAPH.AUTH"
  | "GRAPH.NOT_FOUND"
  | "GRAPH.SYNC_RESET"
  | "GRAPH.UNAVAILABLE"
  | "GRAPH.REQUEST_FAILED"
  | "GRAPH.MALFORMED_MESSAGE";

/** Microsoft Graph refused or failed a mailbox call. The message says what an admin can do about it. */
export class GraphMailboxError extends Error {
  override readonly name: string = "GraphMailboxError";

  constructor(
    readonly code: GraphErrorCode,
    message: string,
    /** HTTP status Graph answered with, when there was an answer. */
    readonly status?: number,
    /** Graph's own error code (e.g. `ErrorItemNotFound`): safe to log, never personal data. */
    readonly graphCode?: string,
  ) {
    super(message);
  }
}

/** Graph kept answering 429/503 after every retry we allow ourselves. */
export class GraphThrottledError extends GraphMailboxError {
  override readonly name = "GraphThrottledError";

  constructor(
    /** Seconds Graph asked us to wait before trying again. */
    readonly retryAfterSeconds: number,
    status: number,
    graphCode?: string,
  ) {
    super(
      "GRAPH.THROTTLED",
      `Microsoft Graph is throttling this mailbox (HTTP ${status}) after our retries: the job tries again in ` +
        `${retryAfterSeconds} s; if this keeps happening, look for another app using the same mailbox.`,
      status,
      graphCode,
    );
  }
}

export const authFailed = (status: number, graphCode: string | undefined, operation: string): GraphMailboxError =>
  new GraphMailboxError(
    "GRAPH.AUTH",
    status === 401
      ? `Microsoft Graph did not accept our token while trying to ${operation} (HTTP 401): check the app registration's ` +
          `tenant id, client id and secret or certificate, and that the token is for https://graph.microsoft.com.`
      : `Microsoft Graph refused to ${operation} (HTTP 403): grant the app the application permissions Mail.ReadWrite ` +
          `and Mail.Send with admin consent, and scope it to the Family Centre mailbox with Exchange RBAC for ` +
          `Applications (New-ManagementRoleAssignment for "Application Mail.ReadWrite" and "Application Mail.Send").`,
    status,
    graphCode,
  );

export const notFound = (what: string, graphCode?: string): GraphMailboxError =>
  new GraphMailboxError(
    "GRAPH.NOT_FOUND",
    `Microsoft Graph has no ${what}: it may have been deleted or moved out of this mailbox.`,
    404,
    graphCode,
  );

/** The saved delta link is no longer valid; the caller starts a full resync (nothing is logged twice). */
export const syncReset = (status: number, graphCode?: string): GraphMailboxError =>
  new GraphMailboxError(
    "GRAPH.SYNC_RESET",
    `Microsoft Graph no longer recognises the saved inbox sync state (HTTP ${status}): the inbox will be read again ` +
      `from the start; messages already logged are recognised and not logged twice.`,
    status,
    graphCode,
  );

export const unavailable = (operation: string, detail: string): GraphMailboxError =>
  new GraphMailboxError(
    "GRAPH.UNAVAILABLE",
    `Microsoft Graph could not be reached to ${operation} (${detail}): check the network and the Graph base URL; ` +
      `the job will try again.`,
  );

export const requestFailed = (operation: string, status: number, graphCode?: string): GraphMailboxError =>
  new GraphMailboxError(
    "GRAPH.REQUEST_FAILED",
    `Microsoft Graph refused to ${operation} (HTTP ${status}${graphCode ? `, ${graphCode}` : ""}).`,
    status,
    graphCode,
  );

/** One message Graph served cannot be read (e.g. no readable receivedDateTime); the rest of the round goes on. */
export const malformedMessage = (messageId: string, what: string): GraphMailboxError =>
  new GraphMailboxError(
    "GRAPH.MALFORMED_MESSAGE",
    `Microsoft Graph served message ${messageId} without ${what}: it is set aside (quarantined after repeated ` +
      `rounds) for a duty worker to open in Outlook; other mail is not held up.`,
  );

export const credentialFailed = (operation: string): GraphMailboxError =>
  new GraphMailboxError(
    "GRAPH.AUTH",
    `Could not get a Microsoft Graph token to ${operation}: check the app registration's tenant id, client id and ` +
      `its secret or certificate (expired secrets are the usual cause).`,
  );
