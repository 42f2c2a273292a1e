import type { GraphClient } from "./graph-client.js";
import { IMMUTABLE_ID_PREFERENCE } from "./graph-middleware.js";
import { errorFor, graphErrorCode } from "./graph-response.js";
import { GraphThrottledError } from "./errors.js";
import { isThrottling, parseRetryAfter } from "./request-policy.js";

/** Graph takes at most 20 requests in one `$batch`. */
export const BATCH_LIMIT = 20;

export interface BatchGet {
  /** Our key for the answer (e.g. a message id). */
  readonly key: string;
  /** Relative to the version, e.g. `users/x/messages/y?$select=id`. */
  readonly path: string;
  /** What a 404 means, for the error message. */
  readonly resource: string;
}

interface BatchResponse {
  readonly responses?: ReadonlyArray<{
    readonly id: string;
    readonly status: number;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: unknown;
  }>;
}

const header = (headers: Readonly<Record<string, string>> | undefined, name: string): string | null => {
  const found = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return found ? found[1] : null;
};

/**
 * GETs many resources in `$batch` calls of at most 20, one batch at a time (Exchange runs the parts of a batch
 * concurrently, so parallel batches would break the mailbox's concurrency limit). A part throttled on its own is
 * retried after its Retry-After. Returns each body by key; a part that is gone (404) is left out.
 */
export const batchGet = async <T>(
  graph: GraphClient,
  requests: readonly BatchGet[],
  operation: string,
): Promise<Map<string, T>> => {
  const results = new Map<string, T>();
  for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
    let pending = requests.slice(start, start + BATCH_LIMIT);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const answer = await graph.post<BatchResponse>(
        "$batch",
        {
          requests: pending.map((request, index) => ({
            id: String(index),
            method: "GET",
            url: `/${request.path}`,
            headers: { Prefer: IMMUTABLE_ID_PREFERENCE },
          })),
        },
        { operation },
      );
      graph.metrics.batchedRequests += pending.length;
      const throttled: BatchGet[] = [];
      let waitSeconds = 0;
      for (const part of answer?.responses ?? []) {
        const request = pending[Number(part.id)];
        if (!request) continue;
        if (part.status >= 200 && part.status < 300) results.set(request.key, part.body as T);
        else if (part.status === 404) continue;
        else if (isThrottling(part.status)) {
          throttled.push(request);
          const retryAfter = parseRetryAfter(header(part.headers, "retry-after"), graph.now());
          waitSeconds = Math.max(
            waitSeconds,
            retryAfter ?? graph.retryPolicy.defaultBackoffSeconds * 2 ** (attempt - 1),
          );
        } else {
          throw errorFor(part.status, graphErrorCode(part.body), header(part.headers, "retry-after"), {
            operation,
            resource: request.resource,
            now: graph.now(),
            defaultRetrySeconds: graph.retryPolicy.defaultBackoffSeconds,
          });
        }
      }
      if (throttled.length === 0) break;
      graph.metrics.throttled += throttled.length;
      if (attempt >= graph.retryPolicy.maxAttempts || waitSeconds > graph.retryPolicy.maxWaitSeconds) {
        throw new GraphThrottledError(waitSeconds, 429);
      }
      graph.metrics.retries += throttled.length;
      graph.pauseFor(waitSeconds);
      pending = throttled;
    }
  }
  return results;
};
