import { describe, expect, it } from "vitest";
import { letterRecordedReturned, letterRecordedSent } from "../../../../src/domain/letters/letter-sent.js";
import { aCase } from "../../../../dev/builders/case-builder.js";

const CONTACT = "FC-2026-000123-contact-1";

describe("whether a case records one of our letters as sent", () => {
  it("1.2 counts the acknowledgement recorded sent under its outbox key, and no other key", () => {
    const kase = aCase().withEvent("acknowledgement.sent", { contactId: CONTACT, outboxKey: "ack-1" }).build();
    expect(letterRecordedSent(kase, "ack-1")).toBe(true);
    expect(letterRecordedSent(kase, "ack-2")).toBe(false);
  });

  it("1.2 tells a bounce that names the letter's key apart from its sending (the bounce may come first)", () => {
    const kase = aCase().withEvent("acknowledgement.not-delivered", { contactId: CONTACT, outboxKey: "ack-1" }).build();
    expect(letterRecordedSent(kase, "ack-1")).toBe(false);
    expect(letterRecordedReturned(kase, "ack-1")).toBe(true);
    expect(letterRecordedReturned(kase, "ack-2")).toBe(false);
  });

  it("2.2 and 3.1 count the screening and MAAM outcome letters recorded sent", () => {
    const kase = aCase()
      .withEvent("screening-outcome.sent", { outboxKey: "screening-1" })
      .withEvent("maam-outcome.sent", { outboxKey: "maam-1" })
      .build();
    expect(letterRecordedSent(kase, "screening-1")).toBe(true);
    expect(letterRecordedSent(kase, "maam-1")).toBe(true);
  });
});
