import { describe, expect, it } from "vitest";
import { readBody } from "../../../src/graph/message-body.js";

const limits = { maxHtmlChars: 20_000, maxTextChars: 5_000 };

describe("issue 19 the body the intake reads is capped, and a cut is recorded", () => {
  it("reads a body within the limits whole, with nothing recorded as cut", () => {
    const body = readBody({ contentType: "html", content: "<p>Request for support</p>" }, limits);
    expect(body).toMatchObject({ bodyText: "Request for support", bodyHtml: "<p>Request for support</p>" });
    expect(body.bodyCut).toBeUndefined();
  });

  it("reads only the first maxHtmlChars of an HTML body and says so", () => {
    const content = `<p>Referrer email: jo@x.example</p>${"<p>padding</p>".repeat(10_000)}`;
    const body = readBody({ contentType: "html", content }, limits);
    expect(body.bodyHtml?.length).toBe(20_000);
    expect(body.bodyText).toMatch(/^Referrer email: jo@x\.example/);
    expect(body.bodyCut).toEqual({ limit: "html", readChars: 20_000, totalChars: content.length });
  });

  it("reads only the first maxTextChars of a text body and says so", () => {
    const content = "x".repeat(12_000);
    expect(readBody({ contentType: "text", content }, limits)).toMatchObject({
      bodyText: "x".repeat(5_000),
      bodyCut: { limit: "text", readChars: 5_000, totalChars: 12_000 },
    });
  });

  it("never cuts a character in half", () => {
    const content = `${"x".repeat(4_999)}😀😀`;
    expect(readBody({ contentType: "text", content }, limits).bodyText).toBe("x".repeat(4_999));
  });

  it("gives the same digest to the same body however its whitespace was laid out, and another to another body", () => {
    const a = readBody({ contentType: "html", content: "<p>Request  for\nsupport</p>" }, limits).bodyDigest;
    const b = readBody({ contentType: "text", content: "Request for support" }, limits).bodyDigest;
    const c = readBody({ contentType: "text", content: "Request for help" }, limits).bodyDigest;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
