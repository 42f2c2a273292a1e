import { describe, expect, it } from "vitest";
import { cardBytes, MAX_CARD_BYTES, TEAMS_MESSAGE_LIMIT_BYTES } from "../../../../bot/cards/card-json.js";
import { decisionInputIds } from "../../../../bot/cards/elements/decision.js";
import {
  screeningAgendaCard,
  screeningAgendaCards,
  type ScreeningAgendaView,
} from "../../../../bot/cards/screening-agenda.js";
import { cardProblems, cardText, executeActions, inputIds, requiredInputs } from "../../../support/adaptive-card.js";
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
  it("is a valid Adaptive Card 1.5 that fits a Teams message", () => {
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

  it("offers every screening outcome of the profile with the note they need, and asks for a worker only when one allocates", () => {
    const [card] = screeningAgendaCards(oneItem);
    const json = cardText(card);
    for (const outcome of familySolutions.screeningOutcomes) expect(json).toContain(outcome.label);
    const ids = decisionInputIds(kase.id);
    expect(inputIds(card)).toEqual([ids.outcome, ids.note]);
    expect(json).toContain("an allocation asks for the worker next");
    expect(json).not.toContain("Jo (12/20)");
  });

  it("redrawn for the person whose allocation needs a worker: the picker with caseloads on that item, what they typed kept", () => {
    const ids = decisionInputIds(kase.id);
    const card = screeningAgendaCard({
      ...oneItem,
      focus: { caseId: kase.id, reason: `Choose the worker case ${kase.id} is allocated to.`, askWorker: true },
      typed: { [ids.outcome]: "step-down-early-help", [ids.note]: "Known to the school." },
    });
    const json = cardText(card);
    expect(inputIds(card)).toEqual([ids.outcome, ids.note, ids.worker]);
    expect(json).toContain("Jo (12/20)");
    expect(json).toContain("Sam (20/20) – over the limit if allocated");
    expect(json).not.toContain("Jo (12/20) – over");
    expect(json).toContain(`"value":"step-down-early-help"`);
    expect(json).toContain(`"value":"Known to the school."`);
    expect(json).toContain(`Choose the worker case ${kase.id} is allocated to.`);
    expect(cardProblems(card)).toEqual([]);
  });

  it("marks no input required, so one item is decided while the others are still open", () => {
    const three = view(
      ["FC-2026-000301", "FC-2026-000302", "FC-2026-000303"].map((id) => {
        const c = aCase().withId(id).receivedAt(received).build();
        return { case: c, clocks: clocksAt(c, now), etag: 'W/"1"' };
      }),
    );
    const [card] = screeningAgendaCards(three);
    expect(executeActions(card)).toHaveLength(3);
    expect(requiredInputs(card)).toEqual([]);
    expect(cardProblems(card!)).toEqual([]);
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

    it("is split into several cards, each valid and within a Teams message (40 KB as UTF-16, with margin)", () => {
      expect(cards.length).toBeGreaterThan(1);
      for (const card of cards) {
        expect(cardProblems(card)).toEqual([]);
        expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
        expect(MAX_CARD_BYTES).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
      }
    });

    it("keeps every item exactly once, in order, and numbers the parts", () => {
      const decided = cards.flatMap((c) => executeActions(c).map((a) => a.data.caseId));
      expect(decided).toEqual(items.map((i) => i.case.id));
      expect(cardText(cards[0])).toContain(`(part 1 of ${cards.length})`);
      expect(cardText(cards.at(-1))).toContain("200 contacts are awaiting screening");
    });
  });

  it("names exactly the cases of its own part on each decision button, so a click can redraw that part alone", () => {
    const ids = Array.from({ length: 25 }, (_, n) => `FC-2026-${String(500 + n).padStart(6, "0")}`);
    const items = ids.map((id) => {
      const c = aCase().withId(id).receivedAt(received).build();
      return { case: c, clocks: clocksAt(c, now), etag: 'W/"1"' };
    });

    const cards = screeningAgendaCards(view(items));

    expect(cards.length).toBeGreaterThan(2);
    for (const card of cards) {
      const onCard = executeActions(card).map((a) => a.data.caseId);
      const named = [...new Set(executeActions(card).map((a) => JSON.stringify(a.data["agendaCaseIds"])))];
      expect(named).toEqual([JSON.stringify(onCard)]);
      expect(cardProblems(card)).toEqual([]);
    }
    expect(cards.flatMap((card) => executeActions(card).map((a) => a.data.caseId))).toEqual(ids);
  });

  describe("60 contacts and 30 practitioners (issue 20)", () => {
    const thirty = Array.from({ length: 30 }, (_, n) => ({
      id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      name: `Practitioner Number ${n + 1}`,
      openCases: 10 + (n % 12),
      limit: 20,
    }));
    const sixty = Array.from({ length: 60 }, (_, i) => {
      const c = bloggsCase(
        aCase()
          .withId(`FC-2026-${String(i + 1).padStart(6, "0")}`)
          .receivedAt(received),
      );
      return { case: c, clocks: clocksAt(c, now), etag: `W/"datetime'2026-12-01T09%3A00%3A00.${i}Z'"` };
    });
    const big = { ...view(sixty), workers: thirty };
    const cards = screeningAgendaCards(big);

    it("posts every part within a Teams message, each case once", () => {
      for (const card of cards) expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(cards.flatMap((c) => executeActions(c).map((a) => a.data.caseId))).toEqual(sixty.map((i) => i.case.id));
    });

    it("still fits when a part is redrawn for one person with the 30-worker picker and a reason", () => {
      for (const card of cards) {
        const ids = executeActions(card).map((a) => String(a.data.caseId));
        const part = { ...big, items: sixty.filter((i) => ids.includes(i.case.id)) };
        const focus = { caseId: ids[0]!, reason: "Choose the worker this case is allocated to.", askWorker: true };
        expect(cardBytes(screeningAgendaCard({ ...part, focus }))).toBeLessThanOrEqual(MAX_CARD_BYTES);
      }
    });
  });
});
