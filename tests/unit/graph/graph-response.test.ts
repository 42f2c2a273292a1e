import { describe, expect, it } from "vitest";
import { GraphThrottledError } from "../../../src/graph/errors.js";
import { errorFor } from "../../../src/graph/graph-response.js";

const context = { operation: "read the inbox changes", now: new Date("2026-11-23T10:00:00Z"), defaultRetrySeconds: 2 };

describe("Graph failures as typed errors", () => {
  it("treats 410 Gone as a sync reset", () => {
    expect(errorFor(410, undefined, null, context).code).toBe("GRAPH.SYNC_RESET");
  });

  it("treats syncStateNotFound on another 40x as a sync reset", () => {
    expect(errorFor(400, "SyncStateNotFound", null, context).code).toBe("GRAPH.SYNC_RESET");
  });

  it("tells the admin which permissions and RBAC scope to grant on 403", () => {
    const error = errorFor(403, "ErrorAccessDenied", null, context);
    expect(error.code).toBe("GRAPH.AUTH");
    expect(error.message).toMatch(/Mail\.ReadWrite/);
    expect(error.message).toMatch(/RBAC for Applications/);
  });

  it("carries Graph's Retry-After on a throttling error", () => {
    const error = errorFor(429, "ApplicationThrottled", "30", context);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect((error as GraphThrottledError).retryAfterSeconds).toBe(30);
  });

  it("names what was not found on 404", () => {
    const error = errorFor(404, "ErrorItemNotFound", null, { ...context, resource: "message m-1" });
    expect(error.code).toBe("GRAPH.NOT_FOUND");
    expect(error.message).toMatch(/message m-1/);
  });

  it("treats a server failure as unavailable", () => {
    expect(errorFor(502, undefined, null, context).code).toBe("GRAPH.UNAVAILABLE");
  });
});
