import { describe, expect, it } from "vitest";
import {
  parseChangeNotifications,
  parseLifecycleNotifications,
  validationResponse,
} from "../../../src/graph/notifications.js";

const SECRET = "s3cret-client-state";
const created = (overrides: Record<string, unknown> = {}) => ({
  subscriptionId: "sub-1",
  subscriptionExpirationDateTime: "2026-11-26T10:00:00Z",
  changeType: "created",
  resource: "Users/u-1/Messages/msg-1",
  resourceData: { "@odata.type": "#Microsoft.Graph.Message", "@odata.id": "Users/u-1/Messages/msg-1", id: "msg-1" },
  clientState: SECRET,
  tenantId: "t-1",
  ...overrides,
});

describe("change notifications", () => {
  it("accepts a new-message notification carrying our clientState", () => {
    expect(parseChangeNotifications({ value: [created()] }, SECRET)).toEqual({
      accepted: [{ subscriptionId: "sub-1", messageId: "msg-1" }],
      rejected: 0,
    });
  });

  it("ignores a notification with a wrong or missing clientState and counts it", () => {
    const body = { value: [created({ clientState: "guess" }), created({ clientState: undefined }), created()] };
    const result = parseChangeNotifications(body, SECRET);
    expect(result.accepted).toHaveLength(1);
    expect(result.rejected).toBe(2);
  });

  it("takes the message id from the resource when resourceData is absent", () => {
    const result = parseChangeNotifications({ value: [created({ resourceData: undefined })] }, SECRET);
    expect(result.accepted).toEqual([{ subscriptionId: "sub-1", messageId: "msg-1" }]);
  });

  it("counts a redelivered notification once", () => {
    expect(parseChangeNotifications({ value: [created(), created()] }, SECRET).accepted).toHaveLength(1);
  });

  it("accepts nothing from a body that is not a notification", () => {
    expect(parseChangeNotifications("nonsense", SECRET)).toEqual({ accepted: [], rejected: 0 });
    expect(parseChangeNotifications({ value: [42] }, SECRET)).toEqual({ accepted: [], rejected: 0 });
  });

  it("trusts nothing when no clientState is configured", () => {
    expect(parseChangeNotifications({ value: [created({ clientState: "" })] }, "").rejected).toBe(1);
  });
});

describe("lifecycle notifications", () => {
  it("accepts subscriptionRemoved, missed and reauthorizationRequired with our clientState", () => {
    const body = {
      value: ["subscriptionRemoved", "missed", "reauthorizationRequired"].map((lifecycleEvent) => ({
        subscriptionId: "sub-1",
        lifecycleEvent,
        clientState: SECRET,
        tenantId: "t-1",
      })),
    };
    expect(parseLifecycleNotifications(body, SECRET).accepted.map((e) => e.lifecycleEvent)).toEqual([
      "subscriptionRemoved",
      "missed",
      "reauthorizationRequired",
    ]);
  });

  it("rejects an unknown event or a wrong clientState", () => {
    const body = {
      value: [
        { subscriptionId: "sub-1", lifecycleEvent: "somethingNew", clientState: SECRET },
        { subscriptionId: "sub-1", lifecycleEvent: "missed", clientState: "guess" },
      ],
    };
    expect(parseLifecycleNotifications(body, SECRET)).toEqual({ accepted: [], rejected: 2 });
  });
});

describe("the validation handshake", () => {
  it("echoes the validation token as text/plain with 200", () => {
    expect(validationResponse({ validationToken: "Validation: Testing client application reachability" })).toEqual({
      status: 200,
      contentType: "text/plain",
      body: "Validation: Testing client application reachability",
    });
  });

  it("is not a handshake without a token", () => {
    expect(validationResponse({})).toBeUndefined();
  });

  it("refuses, without echoing, a token given twice or not shaped like Graph's", () => {
    expect(validationResponse({ validationToken: ["a", "b"] })).toMatchObject({ status: 400 });
    expect(validationResponse({ validationToken: "<b>hi</b>" })).toEqual({
      status: 400,
      contentType: "text/plain",
      body: "Not a validation token.",
    });
  });
});
