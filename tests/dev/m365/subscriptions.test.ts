import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { graph, MAILBOX, Receiver } from "./stand-in-client.js";

let standIn: StandIn;
let receiver: Receiver;
beforeEach(async () => {
  standIn = await startStandIn({
    smtpPort: 0,
    graphPort: 0,
    seed: 7,
    notificationTiming: { retryDelaysMs: [20, 40], reorderHoldMs: 50 },
  });
  receiver = await new Receiver().start();
});
afterEach(async () => {
  await standIn.close();
  await receiver.close();
});

const inAnHour = () => new Date(Date.now() + 60 * 60 * 1000).toISOString();

const subscribe = (overrides: Record<string, unknown> = {}) =>
  graph(standIn, "POST", "subscriptions", {
    body: {
      changeType: "created",
      notificationUrl: `${receiver.url}/notify`,
      lifecycleNotificationUrl: `${receiver.url}/lifecycle`,
      resource: `users/${MAILBOX}/mailFolders('inbox')/messages`,
      expirationDateTime: inAnHour(),
      clientState: "secret-client-state",
      ...overrides,
    },
  });

describe("subscription validation handshake", () => {
  it("posts a validationToken to each endpoint before creating the subscription", async () => {
    const created = await subscribe();
    expect(created.status).toBe(201);
    const validations = receiver.received.filter((r) => r.url.includes("validationToken="));
    expect(validations.map((r) => r.url.split("?")[0])).toEqual(["/notify", "/lifecycle"]);
    expect(created.json).toMatchObject({ changeType: "created", clientState: "secret-client-state" });
  });

  it("refuses with 400 ValidationError when the endpoint does not echo the token", async () => {
    receiver.echoWrongToken = true;
    const refused = await subscribe();
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error: { code: "ValidationError" } });
    expect((await graph(standIn, "GET", "subscriptions")).json.value).toEqual([]);
  });

  it("refuses an expiry more than 10,080 minutes away", async () => {
    const tooLate = new Date(Date.now() + 10_081 * 60 * 1000).toISOString();
    expect((await subscribe({ expirationDateTime: tooLate })).status).toBe(400);
  });
});

describe("change notifications", () => {
  it("notifies each Inbox message created, with the immutable id and clientState", async () => {
    const subscription = (await subscribe()).json;
    const id = await standIn.deliver("Subject: New referral\r\nFrom: a@school.example\r\n\r\nbody");
    await standIn.notificationsSettled();

    expect(receiver.notifications("/notify")).toEqual([
      {
        subscriptionId: subscription.id,
        subscriptionExpirationDateTime: subscription.expirationDateTime,
        changeType: "created",
        resource: `Users/${standIn.userId}/Messages/${id}`,
        resourceData: {
          "@odata.type": "#Microsoft.Graph.Message",
          "@odata.id": `Users/${standIn.userId}/Messages/${id}`,
          "@odata.etag": expect.stringMatching(/^W\/".+"$/),
          id,
        },
        clientState: "secret-client-state",
        tenantId: standIn.tenantId,
      },
    ]);
    expect(standIn.stats().notifications).toMatchObject({ sent: 1, delivered: 1 });
  });

  it("retries a notification the endpoint refuses, then gives up", async () => {
    await subscribe();
    receiver.status = 500;
    await standIn.deliver("Subject: x\r\n\r\nbody");
    await standIn.notificationsSettled();

    expect(receiver.received.filter((r) => r.url === "/notify")).toHaveLength(3);
    expect(standIn.stats().notifications).toMatchObject({ sent: 1, delivered: 0, failed: 1 });
  });

  it("sends duplicates and drops notifications when those faults are on", async () => {
    await subscribe();
    standIn.faults.set({ duplicateNotifications: 1 });
    await standIn.deliver("Subject: twice\r\n\r\nbody");
    await standIn.notificationsSettled();
    expect(receiver.notifications("/notify").length).toBeGreaterThanOrEqual(2);

    standIn.faults.set({ duplicateNotifications: 0, dropNotifications: 1 });
    const before = receiver.notifications("/notify").length;
    await standIn.deliver("Subject: lost\r\n\r\nbody");
    await standIn.notificationsSettled();
    expect(receiver.notifications("/notify")).toHaveLength(before);
    expect(standIn.stats().notifications.dropped).toBe(1);
  });

  it("still delivers every notification, once each, when reordering holds and shuffles a batch", async () => {
    await subscribe();
    standIn.faults.set({ reorderNotifications: true });
    const ids = [];
    for (const n of [1, 2, 3, 4]) ids.push(await standIn.deliver(`Subject: ${n}\r\n\r\nbody`));
    expect(receiver.notifications("/notify")).toEqual([]);
    await standIn.notificationsSettled();

    const notified = receiver.notifications("/notify").map((n) => (n.resourceData as { id: string }).id);
    expect([...notified].sort()).toEqual([...ids].sort());
  });

  it("renews and deletes a subscription", async () => {
    const { id } = (await subscribe()).json;
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const renewed = await graph(standIn, "PATCH", `subscriptions/${id}`, { body: { expirationDateTime: later } });
    expect(renewed.json.expirationDateTime).toBe(later);
    expect((await graph(standIn, "DELETE", `subscriptions/${id}`)).status).toBe(204);
    expect((await graph(standIn, "GET", `subscriptions/${id}`)).status).toBe(404);
  });
});

describe("lifecycle notifications", () => {
  it("removes a subscription and tells the lifecycle endpoint subscriptionRemoved", async () => {
    const { id } = (await subscribe()).json;
    const control = await fetch(`${standIn.pageUrl}_standin/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ removeSubscription: id }),
    });
    expect(control.status).toBe(200);

    expect(receiver.notifications("/lifecycle")).toEqual([
      expect.objectContaining({
        subscriptionId: id,
        lifecycleEvent: "subscriptionRemoved",
        clientState: "secret-client-state",
      }),
    ]);
    expect((await graph(standIn, "GET", "subscriptions")).json.value).toEqual([]);
  });

  it("pauses delivery after reauthorizationRequired until the subscription is reauthorized", async () => {
    const { id } = (await subscribe()).json;
    await standIn.faults.sendReauthorizationRequired(String(id));
    expect(receiver.notifications("/lifecycle")).toEqual([
      expect.objectContaining({ subscriptionId: id, lifecycleEvent: "reauthorizationRequired" }),
    ]);
    await standIn.deliver("Subject: while paused\r\n\r\nbody");
    await standIn.notificationsSettled();
    expect(receiver.notifications("/notify")).toEqual([]);
    expect(standIn.stats().notifications.withheld).toBe(1);

    expect((await graph(standIn, "POST", `subscriptions/${id}/reauthorize`)).status).toBe(204);
    const after = await standIn.deliver("Subject: after\r\n\r\nbody");
    await standIn.notificationsSettled();
    expect(receiver.notifications("/notify").map((n) => (n.resourceData as { id: string }).id)).toEqual([after]);
  });

  it("sends an unanswered challenge again, as Graph does, until it is answered", async () => {
    const repeating = await startStandIn({ smtpPort: 0, graphPort: 0, reauthorizationRepeatMs: 50 });
    try {
      const { id } = (
        await graph(repeating, "POST", "subscriptions", {
          body: {
            changeType: "created",
            notificationUrl: `${receiver.url}/notify`,
            lifecycleNotificationUrl: `${receiver.url}/lifecycle`,
            resource: `users/${MAILBOX}/mailFolders('inbox')/messages`,
            expirationDateTime: inAnHour(),
            clientState: "secret-client-state",
          },
        })
      ).json;
      await repeating.faults.sendReauthorizationRequired(String(id));
      await new Promise((resolve) => setTimeout(resolve, 180));
      const challenges = receiver.notifications("/lifecycle").length;
      expect(challenges).toBeGreaterThanOrEqual(3);
      await graph(repeating, "POST", `subscriptions/${id}/reauthorize`);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(receiver.notifications("/lifecycle").length).toBeLessThanOrEqual(challenges + 1);
    } finally {
      await repeating.close();
    }
  });

  it("resumes a paused subscription when it is renewed instead", async () => {
    const { id } = (await subscribe()).json;
    await standIn.faults.sendReauthorizationRequired(String(id));
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString();
    await graph(standIn, "PATCH", `subscriptions/${id}`, { body: { expirationDateTime: later } });
    await standIn.deliver("Subject: after renewal\r\n\r\nbody");
    await standIn.notificationsSettled();
    expect(receiver.notifications("/notify")).toHaveLength(1);
    expect((await graph(standIn, "POST", "subscriptions/unknown/reauthorize")).status).toBe(404);
  });

  it("sends missed when asked", async () => {
    const { id } = (await subscribe()).json;
    await standIn.faults.sendMissed(String(id));
    expect(receiver.notifications("/lifecycle")).toEqual([expect.objectContaining({ lifecycleEvent: "missed" })]);
  });
});
