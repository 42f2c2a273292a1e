import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { AUTO_SUBMITTED_PROPERTY, graph, MAILBOX, OUTBOX_KEY_PROPERTY } from "./stand-in-client.js";

let standIn: StandIn;
let originalId: string;
beforeEach(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0 });
  originalId = await standIn.deliver(
    "Message-ID: <referral-1@school.example>\r\nSubject: Referral for the Oak family\r\n" +
      'From: "Sam Referrer" <sam.referrer@school.example>\r\nTo: earlyhelpdesk@council.example\r\n\r\nPlease help.',
  );
});
afterEach(() => standIn.close());

const user = `users/${MAILBOX}`;
const marker = (key: string) =>
  `singleValueExtendedProperties/Any(ep: ep/id eq '${OUTBOX_KEY_PROPERTY}' and ep/value eq '${key}')`;

async function replyDraft(key: string, to?: string) {
  const draft = await graph(standIn, "POST", `${user}/messages/${originalId}/createReply`, {
    body: {
      message: {
        singleValueExtendedProperties: [
          { id: OUTBOX_KEY_PROPERTY, value: key },
          { id: AUTO_SUBMITTED_PROPERTY, value: "auto-replied" },
        ],
        internetMessageHeaders: [
          { name: "X-FC-Outbox-Key", value: key },
          { name: "X-Auto-Response-Suppress", value: "All" },
        ],
        ...(to ? { toRecipients: [{ emailAddress: { address: to } }] } : {}),
      },
      comment: "Thank you, we have received your referral.",
    },
  });
  expect(draft.status).toBe(201);
  return draft.json;
}

describe("createReply", () => {
  it("makes a draft in the original's conversation, addressed to its sender, with a RE: subject", async () => {
    const original = standIn.mailbox.get(originalId);
    const draft = await replyDraft("FC-2026-000001~ack~1");

    expect(draft).toMatchObject({
      isDraft: true,
      conversationId: original.conversationId,
      subject: "RE: Referral for the Oak family",
      toRecipients: [{ emailAddress: { address: "sam.referrer@school.example" } }],
      from: { emailAddress: { address: MAILBOX } },
    });
    expect(standIn.mailbox.get(String(draft.id)).folder).toBe("drafts");
  });
});

describe("sending exactly once: draft, send, find by marker", () => {
  it("moves the sent draft to Sent Items with the same immutable id, found there by its marker", async () => {
    const key = "FC-2026-000001~ack~1";
    const draft = await replyDraft(key);
    const patched = await graph(standIn, "PATCH", `${user}/messages/${draft.id}`, {
      body: { body: { contentType: "text", content: "We will be in touch within one working day." } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json["@odata.etag"]).not.toBe(draft["@odata.etag"]);

    const sent = await graph(standIn, "POST", `${user}/messages/${draft.id}/send`);
    expect(sent.status).toBe(202);

    const found = await graph(
      standIn,
      "GET",
      `${user}/mailFolders/sentitems/messages?$filter=${encodeURIComponent(marker(key))}&$select=subject,isDraft` +
        `&$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${OUTBOX_KEY_PROPERTY}')`)}`,
    );
    expect(found.json.value).toEqual([
      expect.objectContaining({
        id: draft.id,
        isDraft: false,
        singleValueExtendedProperties: [{ id: OUTBOX_KEY_PROPERTY, value: key }],
      }),
    ]);
    const other = await graph(
      standIn,
      "GET",
      `${user}/mailFolders/sentitems/messages?$filter=${encodeURIComponent(marker("other"))}`,
    );
    expect(other.json.value).toEqual([]);
    expect(standIn.stats().outbound).toBe(1);
    expect(standIn.mailbox.list("inbox")).toHaveLength(1);
  });

  it("refuses to send the same message twice", async () => {
    const draft = await replyDraft("FC-2026-000001~ack~1");
    await graph(standIn, "POST", `${user}/messages/${draft.id}/send`);
    const again = await graph(standIn, "POST", `${user}/messages/${draft.id}/send`);
    expect(again.status).toBe(400);
    expect(standIn.stats().outbound).toBe(1);
  });

  it("delivers mail addressed to the group mailbox into its own Inbox, with our headers visible", async () => {
    const draft = await replyDraft("FC-2026-000002~ack~1", MAILBOX);
    await graph(standIn, "POST", `${user}/messages/${draft.id}/send`);

    const inbox = await graph(
      standIn,
      "GET",
      `${user}/mailFolders/inbox/messages?$select=subject,internetMessageHeaders,conversationId&$orderby=receivedDateTime desc`,
    );
    const looped = inbox.json.value?.find((m) => m.subject === "RE: Referral for the Oak family");
    expect(looped?.internetMessageHeaders).toEqual(
      expect.arrayContaining([
        { name: "X-FC-Outbox-Key", value: "FC-2026-000002~ack~1" },
        { name: "X-Auto-Response-Suppress", value: "All" },
        { name: "Auto-Submitted", value: "auto-replied" },
      ]),
    );
    expect(looped?.conversationId).toBe(standIn.mailbox.get(originalId).conversationId);
    expect(standIn.stats().outbound).toBe(0);
  });
});

describe("what Graph refuses when writing messages", () => {
  it("refuses internet headers that do not start with X-", async () => {
    const answer = await graph(standIn, "POST", `${user}/messages`, {
      body: { subject: "x", internetMessageHeaders: [{ name: "Auto-Submitted", value: "auto-replied" }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: "InvalidInternetMessageHeader" } });
  });

  it("refuses internetMessageHeaders on PATCH: they are set when the draft is created", async () => {
    const draft = await graph(standIn, "POST", `${user}/messages`, { body: { subject: "x" } });
    const answer = await graph(standIn, "PATCH", `${user}/messages/${draft.json.id}`, {
      body: { internetMessageHeaders: [{ name: "X-FC-Outbox-Key", value: "k" }] },
    });
    expect(answer.status).toBe(400);
  });

  it("refuses a property the message type does not have", async () => {
    const answer = await graph(standIn, "POST", `${user}/messages`, { body: { subjekt: "x" } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: "RequestBodyRead" } });
  });
});

describe("sendMail", () => {
  it("accepts with 202 and keeps a copy in Sent Items", async () => {
    const answer = await graph(standIn, "POST", `${user}/sendMail`, {
      body: {
        message: { subject: "Panel outcome", toRecipients: [{ emailAddress: { address: "worker@council.example" } }] },
      },
    });
    expect(answer.status).toBe(202);
    expect(standIn.mailbox.list("sentitems").map((m) => m.subject)).toEqual(["Panel outcome"]);
    expect(standIn.stats().folders.sentitems).toBe(1);
  });
});
