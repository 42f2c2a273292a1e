import { describe, expect, it } from "vitest";
import type { Case } from "../../../../src/domain/case.js";
import type { Contact, ContactKind, Referrer } from "../../../../src/domain/contact.js";
import { acknowledgementFromCase } from "../../../../src/domain/intake/acknowledgement-status.js";
import type { Profile } from "../../../../src/domain/rules/profile-schema.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase } from "../../../../dev/builders/case-builder.js";

const familySolutions = loadProfile("family-solutions");
const confirmed: Referrer = { name: "A Teacher", email: "teacher@school.example", confirmed: true };
const unconfirmed: Referrer = { ...confirmed, confirmed: false };

const caseOf = (kind: ContactKind = "request-for-support"): Case => aCase().ofKind(kind).build();
const contactOf = (kase: Case, over: Partial<Contact> = {}): Contact => ({
  id: `${kase.id}-contact-1`,
  caseId: kase.id,
  kind: kase.kind,
  receivedAt: kase.openedAt,
  channel: "mailbox",
  referrer: confirmed,
  isFollowUp: false,
  ...over,
});
const sentThenReturned = aCase()
  .withEvent("acknowledgement.sent", { contactId: "FC-2026-000123-contact-1", outboxKey: "ack" })
  .withEvent("acknowledgement.not-delivered", { contactId: "FC-2026-000123-contact-1", outboxKey: "ack" })
  .build();

describe("what a case's record says of a contact's acknowledgement (rule 1.2)", () => {
  it("1.2 holds the acknowledgement of a contact whose original referrer is not yet confirmed", () => {
    const kase = caseOf();
    expect(acknowledgementFromCase(familySolutions, kase, contactOf(kase, { referrer: unconfirmed }))).toBe("held");
  });

  it("1.2 holds it too when no referrer was found, or the confirmed one has no email address", () => {
    const kase = caseOf();
    const { referrer: _dropped, ...noReferrer } = contactOf(kase);
    expect(acknowledgementFromCase(familySolutions, kase, noReferrer)).toBe("held");
    const { email: _none, ...noEmail } = confirmed;
    expect(acknowledgementFromCase(familySolutions, kase, contactOf(kase, { referrer: noEmail }))).toBe("held");
  });

  it("1.2 leaves a confirmed referrer's acknowledgement to the outbox until the case records it sent", () => {
    const kase = caseOf();
    expect(acknowledgementFromCase(familySolutions, kase, contactOf(kase))).toBeUndefined();
    const sent = aCase()
      .withEvent("acknowledgement.sent", { contactId: contactOf(kase).id, outboxKey: "ack" })
      .build();
    expect(acknowledgementFromCase(familySolutions, sent, contactOf(sent))).toBe("sent");
  });

  it("1.2 reports an acknowledgement the referrer's mail server returned, unless a later one was sent", () => {
    expect(acknowledgementFromCase(familySolutions, sentThenReturned, contactOf(sentThenReturned))).toBe(
      "not-delivered",
    );
    const resent = aCase()
      .withEvent("acknowledgement.not-delivered", { contactId: "FC-2026-000123-contact-1", outboxKey: "ack" })
      .withEvent("acknowledgement.sent", { contactId: "FC-2026-000123-contact-1", outboxKey: "ack-2" })
      .build();
    expect(acknowledgementFromCase(familySolutions, resent, contactOf(resent))).toBe("sent");
  });

  it("1.2 reports as returned a letter whose bounce arrived before it was recorded sent", () => {
    const returnedFirst = aCase()
      .withEvent("acknowledgement.not-delivered", { contactId: "FC-2026-000123-contact-1", outboxKey: "ack" })
      .withEvent("acknowledgement.sent", { contactId: "FC-2026-000123-contact-1", outboxKey: "ack", returned: true })
      .build();
    expect(acknowledgementFromCase(familySolutions, returnedFirst, contactOf(returnedFirst))).toBe("not-delivered");
  });

  it("reads only the events of the contact asked about", () => {
    const other = contactOf(sentThenReturned, { id: "FC-2026-000123-contact-2", referrer: unconfirmed });
    expect(acknowledgementFromCase(familySolutions, sentThenReturned, other)).toBe("held");
  });

  it("1.2 does not acknowledge a DART, nor a follow-up on a case", () => {
    const dart = caseOf("dart");
    expect(acknowledgementFromCase(familySolutions, dart, contactOf(dart, { referrer: unconfirmed }))).toBe(
      "not-required",
    );
    const kase = caseOf();
    expect(acknowledgementFromCase(familySolutions, kase, contactOf(kase, { isFollowUp: true }))).toBe("not-required");
  });

  it("needs no acknowledgement under a profile without a rule that the acknowledgement stops", () => {
    const withoutRule: Profile = {
      ...familySolutions,
      rules: familySolutions.rules.filter(
        (r) => !(r.kind === "clock" && r.stop.some((m) => m.event === "acknowledgement.sent")),
      ),
    };
    const kase = caseOf();
    expect(acknowledgementFromCase(withoutRule, kase, contactOf(kase, { referrer: unconfirmed }))).toBe("not-required");
  });
});
