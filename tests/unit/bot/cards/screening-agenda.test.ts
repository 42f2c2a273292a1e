import { describe, expect, it } from "vitest";
import { MAX_CARD_BYTES } from "../../../../bot/cards/card-json.js";
import { decisionInputIds } from "../../../../bot/cards/elements/decision.js";
import { screeningAgendaCards, type ScreeningAgendaView } from "../../../../bot/cards/screening-agenda.js";
import { cardProblems, cardText, executeActions, inputIds } from "../../../support/adaptive-card.js";
import { aCase, bloggsCase, clocksAt, FAMILY_NAME, familySolutions, timeZone } from "./card-fixtures.js";

const now = "2026-12-01T09:15:00Z";
const received = "2026-11-27T16:30:00Z";
const kase = bloggsCase(aCase().withId("FC-2026-000123").receivedAt(received));
const workers = [
  { id: "w-jo", name: "Jo", openCases: 12, limit: 20 },
  { id: "w-sam", name: "Sam", openCases: 20, limit: 20 },
];

const view = (items: ScreeningAgendaView["items"]): ScreeningAgendaView => ({
  timeZone,
  now,
  date: "2026-12-01",
  outcomes: familySolutions.screeningOutcomes,
  workers,
  items,
});
const oneItem = view([{ case: kase, clocks: clocksAt(kase, now), etag: 'W/"7"' }]);

describe("rule 2.1 daily screening agenda", () => {
  it("is a valid Adaptive Card 1.5 under 80 KB", () => {
    const cards = screeningAgendaCards(oneItem);
    expect(cards).toHaveLength(1);
    expect(cardProblems(cards[0]!)).toEqual([]);
  });

  it("shows the case reference, kind, received time in London, days waiting and the running clocks", () => {
    const json = cardText(screeningAgendaCards(oneItem));
    expect(json).toContain("FC-2026-000123 · Request for Support");
    expect(json).toContain("Fri 27 Nov 2026, 16:30");
    expect(json).toContain("4 days");
    expect(json).toContain("1.1 ");
    expect(json).toContain("Family Solutions Practice Framework §1.1");
  });

  it("offers every screening outcome of the profile with the inputs they need", () => {
    const [card] = screeningAgendaCards(oneItem);
    const json = cardText(card);
    for (const outcome of familySolutions.screeningOutcomes) expect(json).toContain(outcome.label);
    const ids = decisionInputIds(kase.id);
    expect(inputIds(card)).toEqual([ids.outcome, ids.note, ids.worker]);
  });

  it("shows each worker's caseload and warns about one the allocation would take over the limit", () => {
    const json = cardText(screeningAgendaCards(oneItem));
    expect(json).toContain("Jo (12/20)");
    expect(json).toContain("Sam (20/20) – over the limit if allocated");
    expect(json).not.toContain("Jo (12/20) – over");
  });

  it("records the decision with screening.decide carrying the case and its ETag", () => {
    expect(executeActions(screeningAgendaCards(oneItem))).toEqual([
      {
        verb: "screening.decide",
        title: "Record decision",
        data: { caseId: kase.id, etag: 'W/"7"', agendaCaseIds: [kase.id] },
      },
    ]);
  });

  it("shows who decided an item instead of its inputs", () => {
    const decided = view([
      {
        case: kase,
        clocks: [],
        decision: { byName: "Priya Shah", at: "2026-12-01T10:05:00Z", outcomeLabel: "No further action" },
      },
    ]);
    const [card] = screeningAgendaCards(decided);
    expect(cardText(card)).toContain("Decided by Priya Shah at Tue 1 Dec 2026, 10:05: No further action");
    expect(inputIds(card)).toEqual([]);
    expect(executeActions(card)).toEqual([]);
    expect(cardProblems(card!)).toEqual([]);
  });

  it("never names the family in the screening chat", () => {
    expect(kase.family?.name).toContain(FAMILY_NAME);
    expect(cardText(screeningAgendaCards(oneItem))).not.toContain(FAMILY_NAME);
  });

  it("names the kind of a newly logged contact once, though its summary is still the kind", () => {
    const fresh = {
      ...aCase().withId("FC-2026-000124").ofKind("early-help-assessment").build(),
      summary: "Early Help Assessment",
    };
    const json = cardText(screeningAgendaCards(view([{ case: fresh, clocks: clocksAt(fresh, now), etag: 'W/"8"' }])));
    expect(json).toContain("FC-2026-000124 · Early Help Assessment");
    expect(json).not.toContain("Early Help Assessment · Early Help Assessment");
  });

  it("says so when nobody is waiting", () => {
    const cards = screeningAgendaCards(view([]));
    expect(cards).toHaveLength(1);
    expect(cardText(cards)).toContain("No contacts are awaiting screening.");
  });

  describe("a long agenda", () => {
    const items = Array.from({ length: 200 }, (_, i) => {
      const c = bloggsCase(
        aCase()
          .withId(`FC-2026-${String(i + 1).padStart(6, "0")}`)
          .receivedAt(received),
      );
      return { case: c, clocks: clocksAt(c, now), etag: `W/"${i}"` };
    });
    const cards = screeningAgendaCards(view(items));

    it("is split into several cards, each valid and under 80 KB", () => {
      expect(cards.length).toBeGreaterThan(1);
      for (const card of cards) {
        expect(cardProblems(card)).toEqual([]);
        expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
      }
    });

    it("keeps every item exactly once, in order, and numbers the parts", () => {
      const decided = cards.flatMap((c) => executeActions(c).map((a) => a.data.caseId));
      expect(decided).toEqual(items.map((i) => i.case.id));
      expect(cardText(cards[0])).toContain(`(part 1 of ${cards.length})`);
      expect(cardText(cards.at(-1))).toContain("200 contacts are awaiting screening");
    });
  });

  it("names the cases of its own part on each decision button, so a click can redraw that part alone", () => {
    const ids = Array.from({ length: 25 }, (_, n) => `FC-2026-${String(500 + n).padStart(6, "0")}`);
    const items = ids.map((id) => {
      const c = aCase().withId(id).receivedAt(received).build();
      return { case: c, clocks: clocksAt(c, now), etag: 'W/"1"' };
    });

    const cards = screeningAgendaCards(view(items));

    expect(cards).toHaveLength(2);
    const listed = cards.map((card) => [
      ...new Set(executeActions(card).map((a) => JSON.stringify(a.data["agendaCaseIds"]))),
    ]);
    expect(listed).toEqual([[JSON.stringify(ids.slice(0, 20))], [JSON.stringify(ids.slice(20))]]);
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
  });
});
