import { describe, expect, it } from "vitest";
import type { ExpectedOutcome } from "../../../../bench/chaos/expected-outcomes.js";
import { tallyMail, type Evidence } from "../../../../bench/chaos/mail-tally.js";
import type { MessageRecord } from "../../../../src/ports/message-ledger.js";

const EXPECTED = new Map<string, ExpectedOutcome>([
  ["rfs.eml", { contact: true, ack: true }],
  ["ooo.eml", { contact: false, ack: false }],
]);
const logged = (id: string): MessageRecord => ({ messageId: id, state: "logged", claimedAt: "2026-11-24T09:30:00Z" });

function evidence(over: Partial<Evidence> = {}): Evidence {
  return {
    inbox: new Map([
      ["a@bench.invalid", ["g-a"]],
      ["b@bench.invalid", ["g-b"]],
    ]),
    ledger: new Map([
      ["g-a", logged("g-a")],
      ["g-b", { messageId: "g-b", state: "ignored", claimedAt: "2026-11-24T09:30:00Z", reason: "autoreply" }],
    ]),
    contactsByGraphId: new Map([["g-a", 1]]),
    sent: [{ outboxKey: "FC-2026-000001~acknowledgement~m-1", answers: ["<a@bench.invalid>"] }],
    ...over,
  };
}
const EMAILS = [
  { messageId: "a@bench.invalid", fixture: "rfs.eml" },
  { messageId: "b@bench.invalid", fixture: "ooo.eml" },
];

describe("counting what became of each email (rules 1.2 and 1.3)", () => {
  it("finds nothing lost or doubled when each request is one contact with one acknowledgement", () => {
    const tally = tallyMail(EMAILS, EXPECTED, evidence());
    expect(tally).toMatchObject({ emails: 2, contacts: 1, lost: 0, duplicateContacts: 0, acks: 1, duplicateAcks: 0 });
    expect(tally.missingAcks).toBe(0);
  });

  it("counts a request with no contact as lost, and says which fixture it was", () => {
    const tally = tallyMail(EMAILS, EXPECTED, evidence({ contactsByGraphId: new Map(), sent: [] }));
    expect(tally.lost).toBe(1);
    expect(tally.lostByFixture).toEqual({ "rfs.eml": 1 });
    expect(tally.missingAcks).toBe(1);
  });

  it("counts a request not yet handled when the run ended as unsettled, not as lost", () => {
    const tally = tallyMail(EMAILS, EXPECTED, evidence({ inbox: new Map([["b@bench.invalid", ["g-b"]]]) }));
    expect(tally).toMatchObject({ lost: 0, unsettled: 1 });
    const ledger = new Map(evidence().ledger);
    ledger.set("g-a", { ...logged("g-a"), state: "claimed" });
    expect(tallyMail(EMAILS, EXPECTED, evidence({ ledger, contactsByGraphId: new Map() }))).toMatchObject({
      lost: 0,
      unsettled: 1,
    });
  });

  it("counts a request handled but not as a contact (ignored by mistake) as lost", () => {
    const ledger = new Map(evidence().ledger);
    ledger.set("g-a", { ...logged("g-a"), state: "ignored" });
    expect(tallyMail(EMAILS, EXPECTED, evidence({ ledger, contactsByGraphId: new Map() })).lost).toBe(1);
  });

  it("counts a message logged as two contacts as a duplicate contact", () => {
    expect(tallyMail(EMAILS, EXPECTED, evidence({ contactsByGraphId: new Map([["g-a", 2]]) })).duplicateContacts).toBe(
      1,
    );
  });

  it("counts the same letter twice in Sent Items as a duplicate acknowledgement, by its marker", () => {
    const letter = { outboxKey: "FC-2026-000001~acknowledgement~m-1", answers: ["<a@bench.invalid>"] };
    const tally = tallyMail(EMAILS, EXPECTED, evidence({ sent: [letter, letter] }));
    expect(tally.duplicateAcks).toBe(1);
    expect(tally.duplicateAckKeys).toEqual(["FC-2026-000001~acknowledgement~m-1"]);
  });

  it("counts two different letters answering one message as a duplicate acknowledgement too", () => {
    const sent = [
      { outboxKey: "FC-2026-000001~acknowledgement~m-1", answers: ["<a@bench.invalid>"] },
      { outboxKey: "FC-2026-000002~acknowledgement~m-1", answers: ["<A@bench.invalid>"] },
    ];
    expect(tallyMail(EMAILS, EXPECTED, evidence({ sent })).duplicateAcks).toBe(1);
  });

  it("flags an autoreply that was answered, and a message claimed but never finished", () => {
    const sent = [{ outboxKey: "FC-2026-000003~acknowledgement~m-2", answers: ["<b@bench.invalid>"] }];
    const ledger = new Map(evidence().ledger);
    ledger.set("g-a", { ...logged("g-a"), state: "claimed" });
    const tally = tallyMail(EMAILS, EXPECTED, evidence({ sent, ledger }));
    expect(tally.unexpectedAcks).toBe(1);
    expect(tally.unsettled).toBe(1);
  });
});

describe("acknowledgements of replies", () => {
  it("are not duplicates because two replies in one thread both name the thread's first message", () => {
    const sent = [
      { outboxKey: "FC-2026-000001~acknowledgement~m-1", answers: ["<parent@school.example>", "<a@bench.invalid>"] },
      { outboxKey: "FC-2026-000002~acknowledgement~m-2", answers: ["<parent@school.example>", "<b@bench.invalid>"] },
    ];
    expect(tallyMail(EMAILS, EXPECTED, evidence({ sent })).duplicateAcks).toBe(0);
  });
});
