import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { graph, MAILBOX, OUTBOX_KEY_PROPERTY } from "./stand-in-client.js";

let standIn: StandIn;
let now: Date;
beforeEach(async () => {
  now = new Date("2026-11-23T10:00:00Z");
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0, now: () => now });
});
afterEach(() => standIn.close());

const user = `users/${MAILBOX}`;
const advance = (ms: number) => (now = new Date(now.getTime() + ms));

async function markedDraft(key: string): Promise<string> {
  const draft = await graph(standIn, "POST", `${user}/messages`, {
    body: {
      subject: "We have received your request",
      toRecipients: [{ emailAddress: { address: "referrer@school.example" } }],
      singleValueExtendedProperties: [{ id: OUTBOX_KEY_PROPERTY, value: key }],
    },
  });
  return String(draft.json.id);
}

const inFolder = (folder: "drafts" | "sentitems") => standIn.mailbox.list(folder).map((m) => m.id);

describe("Sent Items after the transport's delay", () => {
  beforeEach(() => standIn.faults.set({ sentItemsDelayMs: { min: 10_000, max: 10_000 } }));

  it("keeps a sent draft in Drafts, then in no folder (404), then shows it in Sent Items", async () => {
    const id = await markedDraft("FC-2026-000001~acknowledgement~c1");
    expect((await graph(standIn, "POST", `${user}/messages/${id}/send`)).status).toBe(202);

    const draft = await graph(standIn, "GET", `${user}/messages/${id}?$select=isDraft,parentFolderId`);
    expect(draft.json).toMatchObject({ isDraft: true });
    expect(inFolder("drafts")).toEqual([id]);
    advance(6_000);
    expect((await graph(standIn, "GET", `${user}/messages/${id}`)).status).toBe(404);
    expect(inFolder("drafts")).toEqual([]);
    expect(inFolder("sentitems")).toEqual([]);
    advance(5_000);
    expect(inFolder("sentitems")).toEqual([id]);
    expect((await graph(standIn, "GET", `${user}/messages/${id}?$select=isDraft`)).json).toMatchObject({
      isDraft: false,
    });
    expect(standIn.stats().outbound).toBe(1);
  });

  it("sends a draft twice when it is sent again while still on its way", async () => {
    const id = await markedDraft("FC-2026-000002~acknowledgement~c1");
    await graph(standIn, "POST", `${user}/messages/${id}/send`);
    advance(2_000);
    expect((await graph(standIn, "POST", `${user}/messages/${id}/send`)).status).toBe(202);
    advance(10_000);

    expect(standIn.mailbox.list("sentitems")).toHaveLength(2);
    expect(standIn.stats().outbound).toBe(2);
  });
});

describe("a /send whose response is lost", () => {
  it("cuts the connection, yet the message is sent", async () => {
    standIn.faults.set({ dropSendResponses: 1 });
    const id = await markedDraft("FC-2026-000003~acknowledgement~c1");
    await expect(graph(standIn, "POST", `${user}/messages/${id}/send`)).rejects.toThrow();

    expect(inFolder("sentitems")).toEqual([id]);
    expect(standIn.stats()).toMatchObject({ outbound: 1, sendResponsesDropped: 1 });
  });
});

describe("createReply and the marker in its message", () => {
  it("leaves the marker out of the draft when that fault is on, so a client must check and PATCH it", async () => {
    const original = await standIn.deliver("Subject: Referral\r\nFrom: a@school.example\r\n\r\nPlease help.");
    standIn.faults.set({ createReplyDropsMarker: true });
    const reply = await graph(standIn, "POST", `${user}/messages/${original}/createReply`, {
      body: {
        message: {
          singleValueExtendedProperties: [{ id: OUTBOX_KEY_PROPERTY, value: "k" }],
          internetMessageHeaders: [{ name: "X-FC-Outbox-Key", value: "k" }],
        },
      },
    });
    const stored = standIn.mailbox.get(String(reply.json.id));
    expect(stored.singleValueExtendedProperties).toEqual([]);
    expect(stored.internetMessageHeaders).toEqual([]);

    const patched = await graph(standIn, "PATCH", `${user}/messages/${stored.id}`, {
      body: { singleValueExtendedProperties: [{ id: OUTBOX_KEY_PROPERTY, value: "k" }] },
    });
    expect(patched.status).toBe(200);
    expect(standIn.mailbox.get(stored.id).singleValueExtendedProperties).toEqual([
      { id: OUTBOX_KEY_PROPERTY, value: "k" },
    ]);
  });

  it("refuses a comment together with message.body, as Graph does", async () => {
    const original = await standIn.deliver("Subject: Referral\r\nFrom: a@school.example\r\n\r\nPlease help.");
    const both = await graph(standIn, "POST", `${user}/messages/${original}/createReply`, {
      body: { comment: "Thanks", message: { body: { contentType: "Text", content: "Thanks" } } },
    });
    expect(both.status).toBe(400);
  });
});
