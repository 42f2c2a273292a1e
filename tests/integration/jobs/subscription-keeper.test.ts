import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGraphClient } from "../../../src/graph/graph-client.js";
import { userPath } from "../../../src/graph/graph-mailbox.js";
import { validationResponse } from "../../../src/graph/notifications.js";
import { GraphMailSubscriptions } from "../../../src/graph/subscriptions.js";
import type { Trigger } from "../../../src/jobs/inbox-pump.js";
import { SUBSCRIPTION_KEY } from "../../../src/app/mail-keys.js";
import type { Timer } from "../../../src/jobs/scheduler.js";
import { subscriptionKeeper } from "../../../src/jobs/subscription-keeper.js";
import type { MailSubscriptions } from "../../../src/ports/mailbox.js";
import { systemClock } from "../../../src/compose/system-clock.js";
import { GROUP_MAILBOX, startAppHarness, type AppHarness } from "../../support/app-harness.js";

let harness: AppHarness | undefined;
let receiver: Server;
let notified: string[];
let baseUrl: string;

beforeEach(async () => {
  notified = [];
  // Stands in for the service's /api/graph/notify and /lifecycle: the handshake, then 202, remembering what came.
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const handshake = validationResponse(Object.fromEntries(url.searchParams));
      if (handshake) return void res.writeHead(200, { "Content-Type": handshake.contentType }).end(handshake.body);
      if (url.pathname === "/notify") notified.push(body);
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await new Promise((resolve) => receiver.close(resolve));
});

/** A timer that runs what is set at once: a retry comes without the wait. */
const atOnce: Timer = { set: (callback) => setImmediate(callback), clear: () => undefined };

/** The keeper as the service wires it, against the stand-in (real time: subscriptions expire on the wall clock). */
async function keeperOnStandIn(wrap: (subscriptions: MailSubscriptions) => MailSubscriptions = (s) => s) {
  const h = (harness = await startAppHarness({ now: new Date().toISOString() }));
  const graph = createGraphClient({
    baseUrl: h.standIn.graphBaseUrl,
    credential: { staticToken: "t" },
    clock: systemClock,
  });
  const subscriptions = wrap(new GraphMailSubscriptions(graph, userPath(GROUP_MAILBOX), h.deps.logger));
  let inboxRounds = 0;
  const inbox: Trigger = { request: () => void inboxRounds++, idle: async () => undefined };
  const settings = {
    notificationUrl: `${baseUrl}/notify`,
    lifecycleNotificationUrl: `${baseUrl}/lifecycle`,
    clientState: "client-state-secret",
    lifetimeMinutes: 4230,
    renewBeforeMinutes: 720,
  };
  const keeper = subscriptionKeeper(h.deps, subscriptions, settings, systemClock, inbox, atOnce);
  await keeper.ensure();
  const id = (await h.deps.sync.get(SUBSCRIPTION_KEY))?.value.subscriptionId ?? "";
  /** A subscription on the same endpoints that a process stopped before saving (Graph notifies it all the same). */
  const unsaved = async () => {
    const response = await fetch(`${h.standIn.graphBaseUrl}/subscriptions`, {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({
        changeType: "created",
        notificationUrl: settings.notificationUrl,
        lifecycleNotificationUrl: settings.lifecycleNotificationUrl,
        resource: `users/${GROUP_MAILBOX}/mailFolders('inbox')/messages`,
        expirationDateTime: new Date(Date.now() + 60 * 60_000).toISOString(),
        clientState: settings.clientState,
      }),
    });
    return ((await response.json()) as { id: string }).id;
  };
  return { h, keeper, id, unsaved, inboxRounds: () => inboxRounds };
}

const newMailNotified = async (h: AppHarness): Promise<boolean> => {
  const before = notified.length;
  await h.standIn.deliver("Subject: Request for support\r\nFrom: a@school.example\r\n\r\nPlease help.");
  await h.standIn.notificationsSettled();
  return notified.length > before;
};

describe("the inbox subscription answers Graph's reauthorizationRequired at once", () => {
  it("reauthorizes the subscription, so new mail is notified again, and reads the inbox for what was missed", async () => {
    const { h, keeper, id, inboxRounds } = await keeperOnStandIn();
    await h.standIn.faults.sendReauthorizationRequired(id);
    expect(await newMailNotified(h)).toBe(false); // Graph has paused delivery

    await keeper.onLifecycle("reauthorizationRequired");

    expect(await newMailNotified(h)).toBe(true);
    expect(h.standIn.stats().requests["POST /subscriptions/{id}/reauthorize"]).toEqual({ "204": 1 });
    expect(inboxRounds()).toBeGreaterThanOrEqual(2); // at the challenge, and once delivery resumed
    expect((await h.deps.sync.get(SUBSCRIPTION_KEY))?.value.subscriptionId).toBe(id);
  });

  it("answers for the subscription Graph names, even one a stopped process made and never saved", async () => {
    const { h, keeper, id, unsaved } = await keeperOnStandIn();
    const orphan = await unsaved();
    await h.standIn.faults.sendReauthorizationRequired(orphan);

    await keeper.onLifecycle("reauthorizationRequired", orphan);

    expect(h.standIn.stats().requests["POST /subscriptions/{id}/reauthorize"]).toEqual({ "204": 1 });
    await h.standIn.deliver("Subject: x\r\n\r\nbody");
    await h.standIn.notificationsSettled();
    expect(h.standIn.stats().notifications.withheld).toBe(0);
    expect((await h.deps.sync.get(SUBSCRIPTION_KEY))?.value.subscriptionId).toBe(id);
  });

  it("tries the answer again when it fails (the store or Graph briefly away)", async () => {
    let failures = 1;
    const { h, keeper, id } = await keeperOnStandIn((inner) => ({
      ensureSubscription: (...args) => inner.ensureSubscription(...args),
      deleteSubscription: (subscriptionId) => inner.deleteSubscription(subscriptionId),
      reauthorizeSubscription: async (subscriptionId) => {
        if (failures-- > 0) throw new Error("Microsoft Graph could not be reached");
        return inner.reauthorizeSubscription(subscriptionId);
      },
    }));
    await h.standIn.faults.sendReauthorizationRequired(id);

    await keeper.onLifecycle("reauthorizationRequired", id);

    expect(await newMailNotified(h)).toBe(true);
    expect(h.logLines.some((line) => line.includes("graph.subscription.failed"))).toBe(true);
  });

  it("lets go of a removed subscription it never saved, and keeps its own", async () => {
    const { h, keeper, id, unsaved } = await keeperOnStandIn();
    const orphan = await unsaved();
    await h.standIn.faults.removeSubscription(orphan);

    await keeper.onLifecycle("subscriptionRemoved", orphan);

    expect((await h.deps.sync.get(SUBSCRIPTION_KEY))?.value.subscriptionId).toBe(id);
    expect(h.standIn.subscriptionIds()).toEqual([id]);
  });

  it("creates a new subscription when Graph no longer has the one it asks to reauthorize", async () => {
    const { h, keeper, id } = await keeperOnStandIn();
    await h.standIn.faults.sendReauthorizationRequired(id);
    await fetch(`${h.standIn.graphBaseUrl}/subscriptions/${id}`, {
      method: "DELETE",
      headers: { authorization: "Bearer t" },
    });

    await keeper.onLifecycle("reauthorizationRequired");

    const now = (await h.deps.sync.get(SUBSCRIPTION_KEY))?.value.subscriptionId;
    expect(now).toBeDefined();
    expect(now).not.toBe(id);
    expect(await newMailNotified(h)).toBe(true);
  });
});
