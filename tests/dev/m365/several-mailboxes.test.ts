import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import {
  graph,
  inboxHolds,
  inboxOf as inboxIn,
  MAILBOX,
  Receiver,
  SECOND_MAILBOX,
  sendSmtp,
  startTwoMailboxes,
} from "./stand-in-client.js";

let standIn: StandIn;
beforeEach(async () => {
  standIn = await startTwoMailboxes();
});
afterEach(() => standIn.close());

const subjects = (answer: { json: { value?: Record<string, unknown>[] } }) =>
  (answer.json.value ?? []).map((m) => m.subject);
const inboxOf = (address: string) => inboxIn(standIn, address);
const deltaOf = (address: string) =>
  graph(standIn, "GET", `users/${address}/mailFolders/inbox/messages/delta?$select=subject`);

describe("SMTP into several mailboxes", () => {
  it("delivers each message only into the Inbox, and the delta, of the mailbox it is addressed to", async () => {
    await sendSmtp(standIn, { from: "a@school.example", to: MAILBOX, subject: "for the first", text: "x" });
    await sendSmtp(standIn, { from: "b@school.example", to: SECOND_MAILBOX, subject: "for the second", text: "x" });
    await inboxHolds(standIn, 1, SECOND_MAILBOX);

    expect(subjects(await inboxOf(MAILBOX))).toEqual(["for the first"]);
    expect(subjects(await inboxOf(SECOND_MAILBOX))).toEqual(["for the second"]);
    expect(subjects(await deltaOf(MAILBOX))).toEqual(["for the first"]);
    expect(subjects(await deltaOf(SECOND_MAILBOX))).toEqual(["for the second"]);
  });

  it("delivers a copy to each served mailbox among the recipients, and mail for none of them to the first", async () => {
    await sendSmtp(standIn, {
      from: "a@school.example",
      to: [MAILBOX, SECOND_MAILBOX.toUpperCase()],
      subject: "both",
      text: "x",
    });
    await sendSmtp(standIn, { from: "a@school.example", to: "someone@else.example", subject: "stray", text: "x" });
    await inboxHolds(standIn, 2, MAILBOX);

    expect(
      standIn
        .mailboxFor(MAILBOX)
        .list("inbox")
        .map((m) => m.subject),
    ).toEqual(["both", "stray"]);
    expect(
      standIn
        .mailboxFor(SECOND_MAILBOX)
        .list("inbox")
        .map((m) => m.subject),
    ).toEqual(["both"]);
    expect(standIn.statsFor(SECOND_MAILBOX).smtpDelivered).toBe(1);
    expect(standIn.stats().smtpDelivered).toBe(3);
  });
});

describe("users under /users/{id}", () => {
  it("finds each mailbox by its address in any case or by its own user id", async () => {
    await standIn.deliver("Subject: north\r\n\r\nbody", "inbox", SECOND_MAILBOX);
    const secondId = standIn.userIdFor(SECOND_MAILBOX);

    expect(standIn.userIdFor(MAILBOX)).toBe(standIn.userId);
    expect(secondId).not.toBe(standIn.userId);
    expect(subjects(await inboxOf(secondId))).toEqual(["north"]);
    expect(subjects(await inboxOf(SECOND_MAILBOX.toUpperCase()))).toEqual(["north"]);
    expect(subjects(await inboxOf(standIn.userId))).toEqual([]);
  });

  it("gives a second mailbox the same user id every time the stand-in starts", async () => {
    const again = await startTwoMailboxes();
    try {
      expect(again.userIdFor(SECOND_MAILBOX)).toBe(standIn.userIdFor(SECOND_MAILBOX));
    } finally {
      await again.close();
    }
  });

  it("answers a mailbox it does not serve as Graph answers an unknown user: 404 ErrorInvalidUser", async () => {
    const answer = await inboxOf("familycentre3@council.example");
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({
      error: { code: "ErrorInvalidUser", message: "The requested user 'familycentre3@council.example' is invalid." },
    });
  });

  it("routes each $batch part by its own URL", async () => {
    await standIn.deliver("Subject: south\r\n\r\nbody", "inbox", MAILBOX);
    await standIn.deliver("Subject: north\r\n\r\nbody", "inbox", SECOND_MAILBOX);
    const part = (id: string, address: string) => ({
      id,
      method: "GET",
      url: `/users/${address}/mailFolders/inbox/messages?$select=subject`,
    });
    const batch = await graph(standIn, "POST", "$batch", {
      body: { requests: [part("1", MAILBOX), part("2", SECOND_MAILBOX)] },
    });

    const responses = batch.json.responses as { id: string; body: { value: { subject: string }[] } }[];
    expect(responses.map((r) => [r.id, r.body.value.map((m) => m.subject)])).toEqual([
      ["1", ["south"]],
      ["2", ["north"]],
    ]);
    expect(standIn.statsFor(SECOND_MAILBOX).batchParts).toEqual({
      "GET /users/{user}/mailFolders/inbox/messages": { "200": 1 },
    });
  });
});

describe("mail between served mailboxes", () => {
  it("delivers what one mailbox sends to another into that one's Inbox, and logs only the outside recipients", async () => {
    const sent = await graph(standIn, "POST", `users/${MAILBOX}/sendMail`, {
      body: {
        message: {
          subject: "Transfer of a family",
          toRecipients: [{ emailAddress: { address: SECOND_MAILBOX } }],
          ccRecipients: [{ emailAddress: { address: "worker@council.example" } }],
        },
      },
    });

    expect(sent.status).toBe(202);
    expect(
      standIn
        .mailboxFor(SECOND_MAILBOX)
        .list("inbox")
        .map((m) => m.subject),
    ).toEqual(["Transfer of a family"]);
    expect(standIn.mailboxFor(MAILBOX).list("inbox")).toEqual([]);
    expect(standIn.mailboxFor(MAILBOX).outbound.map((o) => o.recipients)).toEqual([["worker@council.example"]]);
  });
});

describe("subscriptions in several mailboxes", () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await new Receiver().start();
  });
  afterEach(() => receiver.close());

  const subscribe = (address: string, path: string) =>
    graph(standIn, "POST", "subscriptions", {
      body: {
        changeType: "created",
        notificationUrl: `${receiver.url}${path}`,
        resource: `users/${address}/mailFolders('Inbox')/messages`,
        expirationDateTime: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
        clientState: "secret-client-state",
      },
    });

  it("notifies a subscription only of its own mailbox's new mail", async () => {
    const first = (await subscribe(MAILBOX, "/first")).json;
    const second = (await subscribe(SECOND_MAILBOX, "/second")).json;
    const id = await standIn.deliver("Subject: north\r\n\r\nbody", "inbox", SECOND_MAILBOX);
    await standIn.notificationsSettled();

    expect(receiver.notifications("/first")).toEqual([]);
    expect(receiver.notifications("/second")).toEqual([
      expect.objectContaining({
        subscriptionId: second.id,
        resource: `Users/${standIn.userIdFor(SECOND_MAILBOX)}/Messages/${id}`,
      }),
    ]);
    expect((await graph(standIn, "GET", "subscriptions")).json.value?.map((s) => s.id)).toEqual([first.id, second.id]);
    expect(standIn.statsFor(SECOND_MAILBOX).notifications).toMatchObject({ sent: 1, delivered: 1 });
    expect(standIn.statsFor(MAILBOX).notifications.sent).toBe(0);
  });

  it("reads, renews and deletes each subscription in the mailbox that holds it", async () => {
    const { id } = (await subscribe(SECOND_MAILBOX, "/second")).json;
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

    expect((await graph(standIn, "GET", `subscriptions/${id}`)).json.resource).toBe(
      `users/${SECOND_MAILBOX}/mailFolders('Inbox')/messages`,
    );
    expect((await graph(standIn, "PATCH", `subscriptions/${id}`, { body: { expirationDateTime: later } })).status).toBe(
      200,
    );
    expect((await graph(standIn, "DELETE", `subscriptions/${id}`)).status).toBe(204);
    expect(standIn.subscriptionIds()).toEqual([]);
  });

  it("refuses a subscription to a mailbox it does not serve", async () => {
    const refused = await subscribe("familycentre3@council.example", "/third");
    expect(refused.status).toBe(400);
    expect(standIn.subscriptionIds()).toEqual([]);
  });
});

describe("the page and reset", () => {
  it("shows one section per mailbox, and finds a message in any of them", async () => {
    const id = await standIn.deliver("Subject: north\r\n\r\nbody", "inbox", SECOND_MAILBOX);
    const page = await (await fetch(standIn.pageUrl)).text();
    const message = await (await fetch(`${standIn.pageUrl}_standin/messages/${encodeURIComponent(id)}`)).text();

    expect(page).toContain(`Family Centre &lt;${MAILBOX}&gt;`);
    expect(page).toContain(`Family Centre North &lt;${SECOND_MAILBOX}&gt;`);
    expect(message).toContain("north");
    expect(message).toContain(SECOND_MAILBOX);
  });

  it("clears every mailbox on reset", async () => {
    await standIn.deliver("Subject: south\r\n\r\nbody", "inbox", MAILBOX);
    await standIn.deliver("Subject: north\r\n\r\nbody", "inbox", SECOND_MAILBOX);
    expect((await fetch(`${standIn.pageUrl}_standin/reset`, { method: "POST" })).status).toBe(204);

    expect(standIn.addresses().map((a) => standIn.mailboxFor(a).list("inbox").length)).toEqual([0, 0]);
  });

  it("lists the mailboxes it serves with their user ids", async () => {
    const listed = (await (await fetch(`${standIn.pageUrl}_standin/mailboxes`)).json()) as unknown[];
    expect(listed).toEqual([
      { address: MAILBOX, displayName: "Family Centre", userId: standIn.userId },
      { address: SECOND_MAILBOX, displayName: "Family Centre North", userId: standIn.userIdFor(SECOND_MAILBOX) },
    ]);
  });
});

describe("options", () => {
  it("refuses mailbox and mailboxes together, and the same mailbox twice", async () => {
    await expect(startStandIn({ mailbox: MAILBOX, mailboxes: [{ address: SECOND_MAILBOX }] })).rejects.toThrow(
      /not both/,
    );
    await expect(
      startStandIn({ mailboxes: [{ address: SECOND_MAILBOX }, { address: SECOND_MAILBOX.toUpperCase() }] }),
    ).rejects.toThrow(/must differ/);
  });
});
