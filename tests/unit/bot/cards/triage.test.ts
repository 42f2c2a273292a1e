import { describe, expect, it } from "vitest";
import { TRIAGE_INPUTS, triageCard, type TriageView } from "../../../../bot/cards/triage.js";
import { cardProblems, cardText, executeActions, inputIds } from "../../../support/adaptive-card.js";
import { aCase, bloggsCase, clocksAt, FAMILY_NAME, timeZone } from "./card-fixtures.js";

const receivedAt = "2026-12-04T18:40:00Z"; // a Friday evening: out of hours
const kase = bloggsCase(aCase().withId("FC-2026-000400").receivedAt(receivedAt));
const base: TriageView = {
  timeZone,
  caseId: kase.id,
  contactId: "FC-2026-000400-contact-1",
  kind: "front-door",
  receivedAt,
  reasons: ["The subject names the Front Door form.", "The form lists who submitted it."],
  confidence: 0.7,
  referrer: {
    name: "Dr Amy Patel",
    email: "amy.patel@nhs.example",
    organisation: "Riverside Surgery",
    confirmed: false,
  },
  acknowledgement: { state: "held", reason: "referrer-unconfirmed" },
  clocks: clocksAt(kase, "2026-12-04T18:45:00Z"),
  outOfHours: true,
  tabUrl: "https://teams.example/l/entity/app/contact?caseId=FC-2026-000400",
  etag: 'W/"1"',
};

describe("duty triage card", () => {
  it("is a valid Adaptive Card 1.5", () => {
    expect(cardProblems(triageCard(base))).toEqual([]);
  });

  it("shows the kind, its reasons and how sure the mailbox was", () => {
    const json = cardText(triageCard(base));
    expect(json).toContain("New contact: Front Door contact · FC-2026-000400");
    expect(json).toContain("Front Door contact (70% sure: check the reasons below)");
    for (const reason of base.reasons) expect(json).toContain(reason);
  });

  it("flags a contact received out of hours, in London time", () => {
    const json = cardText(triageCard(base));
    expect(json).toContain("Received out of hours");
    expect(json).toContain("Fri 4 Dec 2026, 18:40");
    expect(cardText(triageCard({ ...base, outOfHours: false }))).not.toContain("out of hours");
  });

  it("shows the clocks with their rule, London due date and citation", () => {
    const json = cardText(triageCard(base));
    // Received on a Friday: the acknowledgement is expected by the end of the next working day, Monday.
    expect(json).toContain("1.2 Acknowledge the referrer");
    expect(json).toContain("Expected by end of Mon 7 Dec 2026");
    expect(json).toContain("Family Solutions Practice Framework §1.2");
  });

  it("by default names nobody: the referrer's name and email are neither shown nor prefilled", () => {
    const card = triageCard({ ...base, detail: undefined });
    const json = cardText(card);
    expect(json).not.toContain("Amy Patel");
    expect(json).not.toContain("amy.patel@nhs.example");
    expect(json).not.toContain("Riverside Surgery");
    expect(json).toContain("Referrer to confirm: the referrer's details are in the tab");
    const confirmed = cardText(
      triageCard({ ...base, detail: undefined, referrer: { ...base.referrer!, confirmed: true } }),
    );
    expect(confirmed).not.toContain("Amy Patel");
    expect(confirmed).toContain("the referrer's details are in the tab");
  });

  it("shows and prefills only the referrer's organisation when the centre chose it", () => {
    const card = triageCard({ ...base, detail: "with-referrer-organisation" });
    const json = cardText(card);
    expect(json).toContain("Referrer to confirm (best guess: Riverside Surgery)");
    expect(json).not.toContain("Amy Patel");
    expect(json).not.toContain("amy.patel@nhs.example");
  });

  it("asks for the referrer when unsure and says the acknowledgement waits", () => {
    const card = triageCard({ ...base, detail: "with-referrer-organisation" });
    const json = cardText(card);
    expect(json).toContain("held until a duty worker confirms who referred");
    expect(inputIds(card)).toEqual([
      TRIAGE_INPUTS.referrerName,
      TRIAGE_INPUTS.referrerEmail,
      TRIAGE_INPUTS.referrerOrganisation,
      TRIAGE_INPUTS.caseReference,
      TRIAGE_INPUTS.notAContactReason,
      TRIAGE_INPUTS.notAContactNote,
    ]);
  });

  it("asks why it is not a contact from the fixed list, with a note for another reason", () => {
    const reasons = triageCard(base).body.flatMap((element) => findInput(element, TRIAGE_INPUTS.notAContactReason));
    expect(reasons).toMatchObject([{ type: "Input.ChoiceSet" }]);
    expect(reasons[0]?.choices?.map((c) => c.value)).toEqual([
      "spam",
      "wrong-mailbox",
      "duplicate",
      "general-enquiry",
      "other",
    ]);
    expect(cardText(triageCard(base))).toContain("Sent to the wrong mailbox");
  });

  it("shows a confirmed referrer without inputs to change them", () => {
    const card = triageCard({
      ...base,
      detail: "with-referrer-organisation",
      referrer: { ...base.referrer!, confirmed: true },
      acknowledgement: { state: "sent", at: "2026-12-07T09:02:00Z" },
    });
    expect(cardText(card)).toContain("Riverside Surgery");
    expect(cardText(card)).toContain("Sent Mon 7 Dec 2026, 09:02");
    expect(inputIds(card)).not.toContain(TRIAGE_INPUTS.referrerEmail);
    expect(executeActions(card).map((a) => a.verb)).not.toContain("triage.confirmReferrer");
  });

  it("offers confirm, link, not a contact and add to screening with the contact and its ETag", () => {
    const data = { caseId: kase.id, contactId: base.contactId, etag: 'W/"1"' };
    expect(executeActions(triageCard(base)).map((a) => [a.verb, a.data])).toEqual([
      ["triage.confirmReferrer", data],
      ["triage.linkCase", data],
      ["triage.notAContact", data],
      ["triage.addToScreening", data],
    ]);
  });

  it("opens the contact in the tab", () => {
    const card = triageCard(base);
    expect(card.actions).toContainEqual({ type: "Action.OpenUrl", title: "Open in the tab", url: base.tabUrl });
  });

  it("never names the family in the duty channel", () => {
    expect(cardText(triageCard(base))).not.toContain(FAMILY_NAME);
  });
});

interface InputJson {
  readonly type?: string;
  readonly id?: string;
  readonly choices?: ReadonlyArray<{ readonly value: string }>;
  readonly items?: readonly InputJson[];
}

/** The input with this id, wherever the card nests it. */
function findInput(element: unknown, id: string): InputJson[] {
  const el = element as InputJson;
  if (el.id === id) return [el];
  return (el.items ?? []).flatMap((item) => findInput(item, id));
}
