import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { graph, inbox, inboxHolds, MAILBOX, sendSmtp } from "./stand-in-client.js";

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0 });
});
afterAll(() => standIn.close());
beforeEach(() => graph(standIn, "POST", `${standIn.graphBaseUrl.replace("/v1.0", "")}/_standin/reset`, {}));

const referral = {
  from: '"Sam Referrer" <sam.referrer@school.example>',
  to: "earlyhelpdesk@council.example",
  cc: "duty@council.example",
  subject: "Request for support: family at Oak Road",
  text: "Please could the Family Centre contact the family.\n\n> earlier quoted text",
  headers: { "X-Priority": "1" },
  attachments: [{ filename: "eha.pdf", content: Buffer.from("%PDF-1.4 pretend"), contentType: "application/pdf" }],
};

describe("SMTP delivery into the group mailbox", () => {
  it("delivers mail for any recipient into the Inbox, readable as a Graph message", async () => {
    await sendSmtp(standIn, referral);
    await inboxHolds(standIn, 1);

    const list = await graph(standIn, "GET", inbox());
    expect(list.status).toBe(200);
    expect(list.headers.get("preference-applied")).toBe('IdType="ImmutableId"');
    const [message] = list.json.value ?? [];
    expect(message).toMatchObject({
      subject: "Request for support: family at Oak Road",
      from: { emailAddress: { name: "Sam Referrer", address: "sam.referrer@school.example" } },
      toRecipients: [{ emailAddress: { address: "earlyhelpdesk@council.example" } }],
      ccRecipients: [{ emailAddress: { address: "duty@council.example" } }],
      hasAttachments: true,
      importance: "high",
      isRead: false,
      body: { contentType: "text" },
    });
    expect(message?.id).toMatch(/^AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A[\w-]+$/);
    expect(message?.receivedDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(message?.["@odata.etag"]).toMatch(/^W\/".+"$/);
    expect(message).not.toHaveProperty("internetMessageHeaders");
  });

  it("trims fields to $select, always keeping id and @odata.etag", async () => {
    await sendSmtp(standIn, referral);
    await inboxHolds(standIn, 1);

    const list = await graph(standIn, "GET", inbox("?$select=subject,internetMessageHeaders,uniqueBody"));
    const [message] = list.json.value ?? [];
    expect(Object.keys(message ?? {}).sort()).toEqual([
      "@odata.etag",
      "id",
      "internetMessageHeaders",
      "subject",
      "uniqueBody",
    ]);
    expect(message?.internetMessageHeaders).toContainEqual({ name: "X-Priority", value: "1" });
    expect(message?.uniqueBody).toEqual({
      contentType: "text",
      content: "Please could the Family Centre contact the family.",
    });
  });

  it("refuses a $select naming a property a message does not have", async () => {
    const answer = await graph(standIn, "GET", inbox("?$select=subjekt"));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: "RequestBroker--ParseUri" } });
  });

  it("keeps the raw MIME for /$value and lists attachments without their bytes unless asked", async () => {
    const id =
      (await sendSmtp(standIn, referral)) && (await inboxHolds(standIn, 1), standIn.mailbox.list("inbox")[0]?.id);
    const mime = await graph(standIn, "GET", `users/${MAILBOX}/messages/${id}/$value`);
    expect(mime.status).toBe(200);
    expect(mime.text).toContain("Subject: Request for support: family at Oak Road");

    const attachments = await graph(standIn, "GET", `users/${MAILBOX}/messages/${id}/attachments`);
    expect(attachments.json.value).toEqual([
      expect.objectContaining({ name: "eha.pdf", contentType: "application/pdf", size: 16 }),
    ]);
    expect(attachments.json.value?.[0]).not.toHaveProperty("contentBytes");
    const withBytes = await graph(
      standIn,
      "GET",
      `users/${MAILBOX}/messages/${id}/attachments?$select=name,contentBytes`,
    );
    expect(withBytes.json.value?.[0]?.contentBytes).toBe(Buffer.from("%PDF-1.4 pretend").toString("base64"));
  });

  it("stores malformed MIME instead of failing, with the raw kept", async () => {
    const raw =
      "Subject: broken\r\nContent-Type: multipart/mixed; boundary=\r\n\r\n--\r\n\u0000\u0001 garbage =?x?q?=\r\n";
    const id = await standIn.deliver(raw);

    const message = await graph(standIn, "GET", `users/${MAILBOX}/messages/${id}?$select=subject,body`);
    expect(message.status).toBe(200);
    expect(message.json.subject).toBe("broken");
    const mime = await graph(standIn, "GET", `users/${MAILBOX}/messages/${id}/$value`);
    expect(mime.text).toContain("garbage");
  });
});

describe("message queries", () => {
  beforeEach(async () => {
    await standIn.deliver("Message-ID: <a@x>\r\nSubject: Referral one\r\nFrom: a@school.example\r\n\r\nfirst");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await standIn.deliver(
      "Message-ID: <b@x>\r\nIn-Reply-To: <a@x>\r\nSubject: RE: Referral one\r\nFrom: b@council.example\r\n\r\nsecond",
    );
    await standIn.deliver("Message-ID: <c@x>\r\nSubject: Something else\r\nFrom: c@school.example\r\n\r\nthird");
  });

  it("groups replies into the original's conversation and filters by conversationId", async () => {
    const [first] = standIn.mailbox.list("inbox");
    const thread = await graph(
      standIn,
      "GET",
      inbox(`?$filter=conversationId eq '${first?.conversationId}'&$select=subject&$orderby=receivedDateTime asc`),
    );
    expect(thread.json.value?.map((m) => m.subject)).toEqual(["Referral one", "RE: Referral one"]);
  });

  it("filters by receivedDateTime, newest first, up to $top", async () => {
    const [first] = standIn.mailbox.list("inbox");
    const later = await graph(
      standIn,
      "GET",
      inbox(
        `?$filter=receivedDateTime gt ${first?.receivedDateTime}&$orderby=receivedDateTime desc&$top=1&$select=subject`,
      ),
    );
    expect(later.json.value).toHaveLength(1);
    expect(["RE: Referral one", "Something else"]).toContain(later.json.value?.[0]?.subject);
  });

  it("answers 400 ErrorInvalidUrlQueryFilter for a filter it does not support, rather than ignoring it", async () => {
    const answer = await graph(standIn, "GET", inbox("?$filter=startswith(subject,'Ref')"));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: "ErrorInvalidUrlQueryFilter" } });
  });
});

describe("authentication", () => {
  it("answers 401 InvalidAuthenticationToken without a bearer token", async () => {
    const answer = await graph(standIn, "GET", inbox(), { token: null });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ error: { code: "InvalidAuthenticationToken", innerError: {} } });
  });

  it("addresses the mailbox by its fixed user id as well as its address", async () => {
    const answer = await graph(standIn, "GET", `users/${standIn.userId}/mailFolders('inbox')/messages`);
    expect(answer.status).toBe(200);
  });
});
