import { describe, expect, it } from "vitest";
import type { Case } from "../../../../src/domain/case.js";
import type { Contact } from "../../../../src/domain/contact.js";
import { REDACTED_MARK, redactCase, scrubValue } from "../../../../src/domain/privacy/redaction.js";
import { aCase } from "../../bot/cards/card-fixtures.js";

const base = aCase().withId("FC-2026-000321").build();
const kase: Case = {
  ...base,
  family: { name: "Nowak family", children: ["Tomasz Nowak"] },
  referrer: { name: "Amy Patel", email: "amy@nhs.example", confirmed: true },
  events: [
    ...base.events,
    {
      seq: base.events.length + 1,
      type: "case-note.recorded",
      at: "2026-12-01T10:00:00Z",
      by: { kind: "staff", id: "p1" },
      why: "Tomasz Nowak asked",
      data: { noteType: "case-note", note: "Tomasz Nowak was seen at school." },
    },
  ],
};
const contacts: Contact[] = [
  {
    id: "c1",
    caseId: kase.id,
    kind: "request-for-support",
    receivedAt: kase.openedAt,
    channel: "mailbox",
    isFollowUp: false,
    subject: "RfS for Tomasz Nowak",
  },
];

describe("rectification and erasure of a text in a case", () => {
  it("replaces the text by the redacted mark in the case row, every event's data and why, and every contact", () => {
    const out = redactCase(kase, contacts, { text: "Tomasz Nowak" });
    expect(JSON.stringify([out.case, out.contacts])).not.toContain("Tomasz Nowak");
    expect(out.case.family?.children).toEqual([REDACTED_MARK]);
    expect(out.changedEvents).toHaveLength(1);
    expect(out.changedEvents[0]).toMatchObject({ why: `${REDACTED_MARK} asked`, data: { noteType: "case-note" } });
    expect(out.changedContacts.map((c) => c.subject)).toEqual([`RfS for ${REDACTED_MARK}`]);
  });

  it("corrects the text where a correction is given", () => {
    const out = redactCase(kase, contacts, { text: "Amy Patel", correction: "Amy Patel-Jones" });
    expect(out.case.referrer?.name).toBe("Amy Patel-Jones");
    expect(out.places).toEqual(["case.referrer"]);
  });

  it("says where it found the text (fields, event numbers, contact ids), never the text", () => {
    const out = redactCase(kase, contacts, { text: "Tomasz Nowak" });
    expect(out.places).toEqual(["case.family", `event ${kase.events.length} (case-note.recorded)`, "contact c1"]);
    expect(out.places.join(" ")).not.toContain("Tomasz");
  });

  it("changes nothing, and says so, when the case does not hold the text", () => {
    const out = redactCase(kase, contacts, { text: "Nobody Here" });
    expect(out.places).toEqual([]);
    expect(out.case).toEqual(kase);
    expect(out.changedEvents).toEqual([]);
  });

  it("keeps object keys (ids) and counts every occurrence", () => {
    const scrubbed = scrubValue({ "Jo Bloggs": "Jo Bloggs and Jo Bloggs", n: 3 }, { text: "Jo Bloggs" });
    expect(scrubbed).toEqual({ value: { "Jo Bloggs": `${REDACTED_MARK} and ${REDACTED_MARK}`, n: 3 }, count: 2 });
  });
});
