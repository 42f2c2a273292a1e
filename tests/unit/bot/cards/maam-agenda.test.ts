import { describe, expect, it } from "vitest";
import { decisionInputIds } from "../../../../bot/cards/elements/decision.js";
import { maamAgendaCard, maamAgendaCards, type MaamAgendaView } from "../../../../bot/cards/maam-agenda.js";
import { cardProblems, cardText, executeActions, inputIds } from "../../../support/adaptive-card.js";
import { aCase, bloggsCase, clocksAt, FAMILY_NAME, familySolutions, timeZone } from "./card-fixtures.js";

const maam = familySolutions.panels.find((p) => p.id === "maam")!;
const received = "2026-11-23T10:00:00Z";
const sentToMaam = (id: string) =>
  bloggsCase(aCase().withId(id).receivedAt(received).screenedAs("maam", { at: "2026-11-24T11:00:00Z" }));
const kase = sentToMaam("FC-2026-000200");
const presentAtMaam = (now: string) => clocksAt(kase, now).find((d) => d.ruleId === "1.1");

const view = (now: string, items?: MaamAgendaView["items"]): MaamAgendaView => ({
  timeZone,
  now,
  date: "2026-12-02",
  outcomes: maam.outcomes,
  workers: [
    { id: "w-jo", name: "Jo", openCases: 12, limit: 20 },
    { id: "w-ali", name: "Ali", openCases: 10, limit: 10 },
  ],
  items: items ?? [{ case: kase, clock: presentAtMaam(now)!, etag: 'W/"3"' }],
});

describe("rule 1.1 MAAM agenda", () => {
  it("is a valid Adaptive Card 1.5", () => {
    const cards = maamAgendaCards(view("2026-12-02T09:00:00Z"));
    expect(cards).toHaveLength(1);
    expect(cardProblems(cards[0]!)).toEqual([]);
  });

  it("shows the 15-day clock's due date and the days left", () => {
    // Received Mon 23 Nov: presented by the end of Tue 8 Dec, 6 days after Wed 2 Dec.
    const json = cardText(maamAgendaCards(view("2026-12-02T09:00:00Z")));
    expect(json).toContain("by end of Tue 8 Dec 2026, 6 days left");
    expect(json).toContain("Family Solutions Practice Framework §1.1");
  });

  it("says how many days overdue a case is once the clock has run out", () => {
    const json = cardText(maamAgendaCards(view("2026-12-10T09:00:00Z")));
    expect(json).toContain("by end of Tue 8 Dec 2026, 2 days overdue");
    expect(json).toContain('"color":"attention"');
  });

  it("offers the MAAM panel's outcomes; an allocation's worker is asked for on that item, with a warning over the limit", () => {
    const ids = decisionInputIds(kase.id);
    const [posted] = maamAgendaCards(view("2026-12-02T09:00:00Z"));
    for (const outcome of maam.outcomes) expect(cardText(posted)).toContain(outcome.label);
    expect(inputIds(posted)).toEqual([ids.outcome, ids.note]);
    const focus = { caseId: kase.id, reason: "Choose the worker.", askWorker: true };
    const redrawn = maamAgendaCard({ ...view("2026-12-02T09:00:00Z"), focus });
    expect(cardText(redrawn)).toContain("Jo (12/20)");
    expect(cardText(redrawn)).toContain("Over their caseload limit if allocated: Ali (10/10)");
    expect(inputIds(redrawn)).toEqual([ids.outcome, ids.note, ids.worker]);
    expect(cardProblems(redrawn)).toEqual([]);
  });

  it("records the decision with maam.decide carrying the case and its ETag", () => {
    expect(executeActions(maamAgendaCards(view("2026-12-02T09:00:00Z")))).toEqual([
      {
        verb: "maam.decide",
        title: "Record decision",
        data: { caseId: kase.id, etag: 'W/"3"', agendaCaseIds: [kase.id] },
      },
    ]);
  });

  it("shows who decided instead of the inputs", () => {
    const now = "2026-12-02T11:00:00Z";
    const decision = { byName: "Dee Manager", at: "2026-12-02T10:40:00Z", outcomeLabel: "Pre-Allocation List" };
    const [card] = maamAgendaCards(view(now, [{ case: kase, decision }]));
    expect(cardText(card)).toContain("Decided by Dee Manager at Wed 2 Dec 2026, 10:40: Pre-Allocation List");
    expect(inputIds(card)).toEqual([]);
    expect(cardProblems(card!)).toEqual([]);
  });

  it("never names the family in the MAAM chat", () => {
    expect(cardText(maamAgendaCards(view("2026-12-02T09:00:00Z")))).not.toContain(FAMILY_NAME);
  });

  it("splits 200 cases into valid cards that fit Teams, each case once", () => {
    const now = "2026-12-02T09:00:00Z";
    const items = Array.from({ length: 200 }, (_, i) => {
      const c = sentToMaam(`FC-2026-${String(i + 1).padStart(6, "0")}`);
      return { case: c, clock: clocksAt(c, now).find((d) => d.ruleId === "1.1")! };
    });
    const cards = maamAgendaCards(view(now, items));
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    expect(cards.flatMap((c) => executeActions(c).map((a) => a.data.caseId))).toEqual(items.map((i) => i.case.id));
  });
});
