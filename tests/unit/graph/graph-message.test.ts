import { describe, expect, it } from "vitest";
import { readInbound, toInboundMessage, type GraphMessage } from "../../../src/graph/graph-message.js";

const aGraphMessage = (overrides: Partial<GraphMessage> = {}): GraphMessage => ({
  id: "AAMkImmutable1",
  internetMessageId: "<abc@school.example>",
  conversationId: "conv-1",
  subject: "Request for Support",
  from: { emailAddress: { name: "Desk", address: "desk@school.example" } },
  sender: { emailAddress: { address: "desk@school.example" } },
  replyTo: [],
  toRecipients: [{ emailAddress: { name: "Family Centre", address: "familycentre@council.example" } }],
  ccRecipients: [{ emailAddress: { address: "" } }],
  receivedDateTime: "2026-11-23T09:15:00Z",
  hasAttachments: true,
  internetMessageHeaders: [
    { name: "Received", value: "from a" },
    { name: "received", value: "from b" },
    { name: "Auto-Submitted", value: "no" },
  ],
  body: { contentType: "html", content: "<p>Hello &amp; welcome</p>" },
  ...overrides,
});

describe("a Graph message as an inbound message", () => {
  it("keeps every header value under its lower-cased name", () => {
    const message = toInboundMessage(aGraphMessage());
    expect(message.headers).toEqual({ received: ["from a", "from b"], "auto-submitted": ["no"] });
  });

  it("turns an HTML body into text and keeps the HTML alongside", () => {
    const message = toInboundMessage(aGraphMessage());
    expect(message.bodyText).toBe("Hello & welcome");
    expect(message.bodyHtml).toBe("<p>Hello &amp; welcome</p>");
  });

  it("keeps a text body as it is, with no HTML", () => {
    const message = toInboundMessage(aGraphMessage({ body: { contentType: "text", content: "Plain <b>" } }));
    expect(message.bodyText).toBe("Plain <b>");
    expect(message.bodyHtml).toBeUndefined();
  });

  it("maps addresses, dropping empty ones and names that only repeat the address", () => {
    const message = toInboundMessage(aGraphMessage());
    expect(message.from).toEqual({ name: "Desk", address: "desk@school.example" });
    expect(message.sender).toEqual({ address: "desk@school.example" });
    expect(message.to).toEqual([{ name: "Family Centre", address: "familycentre@council.example" }]);
    expect(message.cc).toEqual([]);
  });

  it("gives the received instant in UTC", () => {
    expect(toInboundMessage(aGraphMessage({ receivedDateTime: "2026-11-23T09:15:00+01:00" })).receivedAt).toBe(
      "2026-11-23T08:15:00.000Z",
    );
  });

  it("lists attachment metadata only", () => {
    const message = toInboundMessage(aGraphMessage(), [
      { name: "eha.pdf", contentType: "application/pdf", size: 1200 },
    ]);
    expect(message.attachments).toEqual([{ name: "eha.pdf", contentType: "application/pdf", size: 1200 }]);
  });

  it("takes an item attachment, which Graph gives no content type, for the attached message it is", () => {
    const message = toInboundMessage(aGraphMessage(), [
      { "@odata.type": "#microsoft.graph.itemAttachment", name: "We have received your request", contentType: null },
      { "@odata.type": "#microsoft.graph.fileAttachment", name: "x.bin", contentType: null, size: 3 },
    ]);
    expect(message.attachments.map((a) => a.contentType)).toEqual(["message/rfc822", "application/octet-stream"]);
  });

  it("reads a message with no subject, headers or body", () => {
    const message = toInboundMessage({ id: "x", receivedDateTime: "2026-11-23T09:15:00Z" });
    expect(message).toMatchObject({ id: "x", subject: "", headers: {}, bodyText: "", replyTo: [], to: [] });
  });

  it("refuses a message without a readable received time, with a typed error", () => {
    expect(() => toInboundMessage({ id: "x" })).toThrow(
      expect.objectContaining({ code: "GRAPH.MALFORMED_MESSAGE" }) as Error,
    );
  });

  it("reads a malformed message as a failure of its own, not an exception", () => {
    expect(readInbound({ id: "x", receivedDateTime: "not a date" })).toEqual({
      id: "x",
      unreadable: "GRAPH.MALFORMED_MESSAGE",
    });
    expect(readInbound({ id: "y", receivedDateTime: "2026-01-12T09:41:17Z" })).toMatchObject({ id: "y" });
  });
});
