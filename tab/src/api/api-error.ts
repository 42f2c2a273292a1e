/** An error the API answered with (`{error:{code,message}}`), or a failure to reach it. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }

  /** 412: the case changed since it was read (its ETag no longer matches). */
  get isConflict(): boolean {
    return this.status === 412;
  }
}

export const CONFLICT_MESSAGE =
  "Someone else changed this case while you were looking at it. It has been reloaded: check it and try again.";

/** What to show a person for any error: the API's message, or what to do when the service is out of reach. */
export function describeProblem(error: unknown): { code: string; message: string } {
  if (error instanceof ApiError)
    return { code: error.code, message: error.isConflict ? CONFLICT_MESSAGE : error.message };
  // fetch fails with a TypeError when the network does; our own errors are written for people.
  if (error instanceof Error && !(error instanceof TypeError))
    return { code: "TAB.START_FAILED", message: error.message };
  return {
    code: "TAB.UNREACHABLE",
    message: "The Family Centre service could not be reached. Check your connection and reload the tab.",
  };
}
