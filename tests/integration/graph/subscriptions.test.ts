import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { createGraphClient } from "../../../src/graph/graph-client.js";
import { userPath } from "../../../src/graph/graph-mailbox.js";
import { validationResponse } from "../../../src/graph/notifications.js";
import { GraphMailSubscriptions } from "../../../src/graph/subscriptions.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { systemClock } from "../../../src/compose/system-clock.js";

let standIn: StandIn;
let receiver: Server;
let notifyUrl: string;

beforeAll(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0 });
  // Stands in for the integrator's /api/graph/notify route: the handshake, then 202 for notifications.
  receiver = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const handshake = validationResponse(Object.fromEntries(url.searchParams));
    req.resume();
    if (handshake) res.writeHead(handshake.status, { "Content-Type": handshake.contentType }).end(handshake.body);
    else res.writeHead(202).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/graph/notify`;
});
afterAll(async () => {
  await standIn.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const subscriptions = () =>
  new GraphMailSubscriptions(
    createGraphClient({
      baseUrl: standIn.graphBaseUrl,
      credential: { staticToken: "local-token" },
      clock: systemClock,
    }),
    userPath("familycentre@council.example"),
    silentLogger,
  );
const settings = () => ({
  notificationUrl: notifyUrl,
  lifecycleNotificationUrl: `${notifyUrl}/lifecycle`,
  clientState: "client-state-secret",
  lifetimeMinutes: 4230,
  renewBeforeMinutes: 720,
});

describe("the inbox subscription", () => {
  it("is created after the handshake, reauthorized, kept while fresh, renewed near expiry, recreated when gone", async () => {
    const subs = subscriptions();
    const now = new Date();
    const created = await subs.ensureSubscription(settings(), undefined, now);
    expect(created.action).toBe("created");

    expect(await subs.reauthorizeSubscription(created.id)).toBe("reauthorized");
    const kept = await subs.ensureSubscription(settings(), created, now);
    expect(kept).toMatchObject({ action: "kept", id: created.id });

    const nearExpiry = { id: created.id, expiresAt: new Date(now.getTime() + 60 * 60_000).toISOString() };
    const renewed = await subs.ensureSubscription(settings(), nearExpiry, now);
    expect(renewed).toMatchObject({ action: "renewed", id: created.id });

    await standIn.faults.removeSubscription(created.id);
    const recreated = await subs.ensureSubscription(settings(), nearExpiry, now);
    expect(recreated.action).toBe("recreated");
    expect(recreated.id).not.toBe(created.id);

    await subs.deleteSubscription(recreated.id);
    await expect(subs.deleteSubscription(recreated.id)).resolves.toBeUndefined(); // already gone is fine
    expect(await subs.reauthorizeSubscription(recreated.id)).toBe("gone");
  });
});
