import { describe, expect, it } from "vitest";
import { shouldNeverAnswer } from "../../../../src/domain/mail/loop-protection.js";
import { aMessage, northContext } from "./mail-builders.js";

describe("loop protection: we never answer machines", () => {
  it.each([
    ["an autoresponder", { headers: { "auto-submitted": ["auto-replied"] } }],
    ["an RFC 3834 machine message", { headers: { "auto-submitted": ["auto-generated"] } }],
    ["an X-Autoreply message", { headers: { "x-autoreply": ["yes"] } }],
    ["a multipart/report", { headers: { "content-type": ["multipart/report; report-type=delivery-status"] } }],
    ["a mailing list", { headers: { "list-id": ["<news.partnership.example>"] } }],
    ["our own mail", { headers: { "x-fc-outbox-key": ["FC-2026-000123~1.2~1"] } }],
    ["a bounce with a null return path", { headers: { "return-path": ["<>"] } }],
    ["mail from the group mailbox", { from: { address: "FamilyCentre.North@council.example" } }],
    ["a noreply address", { from: { address: "noreply@eis.council.example" } }],
    ["a no-reply address", { from: { address: "no-reply@eis.council.example" } }],
    ["a donotreply address", { from: { address: "donotreply@bank.example" } }],
    ["a postmaster", { from: { address: "postmaster@school.example" } }],
    ["a mailer-daemon", { from: { address: "MAILER-DAEMON@mx.school.example" } }],
    ["a message with no sender", { from: undefined }],
  ])("never answers %s", (_what, overrides) => {
    const verdict = shouldNeverAnswer(aMessage(overrides), northContext);
    expect(verdict.never).toBe(true);
    expect(verdict.reasons.length).toBeGreaterThan(0);
  });

  it("answers an ordinary professional's email, even with Outlook's X-Auto-Response-Suppress", () => {
    const verdict = shouldNeverAnswer(aMessage({ headers: { "x-auto-response-suppress": ["All"] } }), northContext);
    expect(verdict).toEqual({ never: false, reasons: [] });
  });

  it("answers a no-reply form sender's real Reply-To person", () => {
    const message = aMessage({
      from: { address: "noreply@forms.school.example" },
      replyTo: [{ address: "dsl@school.example" }],
    });
    expect(shouldNeverAnswer(message, northContext).never).toBe(false);
  });
});
