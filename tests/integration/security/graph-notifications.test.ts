import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpApp } from "../../../src/compose/http-app.js";
import { notificationRoutes } from "../../../src/graph/notification-routes.js";
import { createLogger } from "../../../src/logging/logger.js";

const CLIENT_STATE = "our-subscription-client-state-secret";
const GUESS = "a-forged-client-state-from-outside";

const newMail = (clientState: string | undefined) => ({
  value: [
    {
      subscriptionId: "sub-1",
      subscriptionExpirationDateTime: "2026-11-26T10:00:00Z",
      changeType: "created",
      resource: "Users/u-1/Messages/msg-1",
      resourceData: { "@odata.type": "#Microsoft.Graph.Message", "@odata.id": "Users/u-1/Messages/msg-1", id: "msg-1" },
      clientState,
      tenantId: "t-1",
    },
  ],
});
const lifecycle = (clientState: string, lifecycleEvent: string) => ({
  value: [{ subscriptionId: "sub-1", lifecycleEvent, clientState, tenantId: "t-1" }],
});

let server: Server;
let base: string;
let mailRounds: number;
let lifecycleEvents: string[];
let logLines: string[];

beforeEach(async () => {
  mailRounds = 0;
  lifecycleEvents = [];
  logLines = [];
  const routes = notificationRoutes({
    clientState: CLIENT_STATE,
    onMailChanged: () => void mailRounds++,
    onLifecycle: (event) => void lifecycleEvents.push(event),
    logger: createLogger((line) => logLines.push(line)),
    centre: "main",
    first: true,
  });
  server = createHttpApp({ routers: [routes], tabDirs: [] }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => new Promise((resolve) => server.close(resolve)));

const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("Graph change notifications at /api/graph/notify", () => {
  it("starts an inbox round for a notification carrying our clientState", async () => {
    expect((await post("/api/graph/notify", newMail(CLIENT_STATE))).status).toBe(202);
    expect(mailRounds).toBe(1);
  });

  it("ignores a notification with a wrong or missing clientState: 202 (nothing to learn), no inbox round", async () => {
    expect((await post("/api/graph/notify", newMail(GUESS))).status).toBe(202);
    expect((await post("/api/graph/notify", newMail(undefined))).status).toBe(202);
    expect(mailRounds).toBe(0);
  });

  it("logs the rejection as a count, without echoing what the sender sent", async () => {
    await post("/api/graph/notify", newMail(GUESS));
    const rejected = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rejected).toEqual([
      expect.objectContaining({ level: "warn", event: "graph.notification.rejected", rejected: 1 }),
    ]);
    expect(logLines.join("\n")).not.toContain(GUESS);
    expect(logLines.join("\n")).not.toContain(CLIENT_STATE);
  });
});

describe("Graph lifecycle notifications at /api/graph/lifecycle", () => {
  it("acts on subscriptionRemoved carrying our clientState", async () => {
    expect((await post("/api/graph/lifecycle", lifecycle(CLIENT_STATE, "subscriptionRemoved"))).status).toBe(202);
    expect(lifecycleEvents).toEqual(["subscriptionRemoved"]);
  });

  it("ignores a forged subscriptionRemoved or missed (no resubscribe, no resync)", async () => {
    await post("/api/graph/lifecycle", lifecycle(GUESS, "subscriptionRemoved"));
    await post("/api/graph/lifecycle", lifecycle(GUESS, "missed"));
    expect(lifecycleEvents).toEqual([]);
  });
});

describe("the validation handshake", () => {
  const validate = (path: string, token: string) =>
    fetch(`${base}${path}?validationToken=${encodeURIComponent(token)}`, { method: "POST" });

  it("echoes Graph's own token as plain text", async () => {
    const token = "Validation: Testing client application reachability for subscription Request-Id: 3f2504e0-4f89";
    for (const path of ["/api/graph/notify", "/api/graph/lifecycle"]) {
      const response = await validate(path, token);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response.text()).toBe(token);
    }
  });

  it("does not echo a token that is markup, a script or too long", async () => {
    for (const token of ['<script>alert("x")</script>', "<a href=//evil.example>x</a>", "a".repeat(257), "x\r\ny"]) {
      const response = await validate("/api/graph/notify", token);
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain(token);
    }
    expect(mailRounds).toBe(0);
  });
});
