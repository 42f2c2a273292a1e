import type { AdaptiveCardJson } from "../../bot/cards/card-json.js";
import { caseCard } from "../../bot/cards/case-card.js";
import { clockReasonCard } from "../../bot/cards/clock-reason.js";
import { decisionResultCard } from "../../bot/cards/decision-result.js";
import { dueCards } from "../../bot/cards/due.js";
import { errorCard } from "../../bot/cards/error-card.js";
import { escalationCard } from "../../bot/cards/escalation.js";
import { helpCard, welcomeCard } from "../../bot/cards/help.js";
import { maamAgendaCards } from "../../bot/cards/maam-agenda.js";
import { myCasesCards } from "../../bot/cards/my-cases.js";
import { nudgeDigestCards } from "../../bot/cards/nudge-digest.js";
import { overdueNoteCard } from "../../bot/cards/overdue-note.js";
import { preAllocationReminderCard } from "../../bot/cards/pre-allocation-reminder.js";
import { quarantineNoticeCard } from "../../bot/cards/quarantine-notice.js";
import { removedUnderRetentionCard } from "../../bot/cards/removed-under-retention.js";
import { screeningAgendaCards } from "../../bot/cards/screening-agenda.js";
import { transferPanelAgendaCards } from "../../bot/cards/transfer-panel-agenda.js";
import { triageCard } from "../../bot/cards/triage.js";
import { englandAndWalesBankHolidays } from "../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../src/domain/calendar/create-calendar.js";
import { deadlines } from "../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../src/policy/profiles/index.js";
import { aCase } from "../../dev/builders/case-builder.js";

const NOW = "2026-01-20T10:00:00Z";
const calendar = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2026, 2027) });
const timeZone = calendar.timeZone;
const familySolutions = loadProfile("family-solutions");
const bexley = loadProfile("bexley");

/**
 * Every card the bot sends, with `hostile` in every string that comes from outside the service's own words: the
 * family's and referrer's names, organisation, summary, notes, reasons, staff names, error and quarantine
 * reasons, a decision's wording. For tests that hold every card to the same rule.
 */
export function everyCard(hostile: string): Record<string, AdaptiveCardJson[]> {
  const kase = {
    ...aCase().withId("FC-2026-000901").receivedAt("2026-01-12T09:30:00Z").build(),
    summary: hostile,
    family: { name: hostile, children: [hostile] },
  };
  const clocks = deadlines(kase, familySolutions, calendar, new Date(NOW));
  const overdue = clocks.find((d) => d.ruleId === "1.2") ?? clocks[0]!;
  const item = { caseId: kase.id, caseSummary: hostile, deadline: overdue };
  const decision = { byName: hostile, at: NOW, outcomeLabel: hostile };
  const workers = [{ id: "w-1", name: hostile, openCases: 3, limit: 20 }];
  const agenda = { timeZone, now: NOW, date: "2026-01-20", workers };
  const bexleyCase = { ...aCase().underProfile("bexley").withId("FC-2026-000902").build(), summary: hostile };
  const transferPanel = bexley.panels.find((p) => p.id === "transfer-panel")!;
  const summary = Object.fromEntries(transferPanel.summaryFields.map((f) => [f.id, hostile]));
  return {
    triage: [
      triageCard({
        timeZone,
        caseId: kase.id,
        contactId: `${kase.id}-contact-1`,
        kind: kase.kind,
        receivedAt: kase.openedAt,
        reasons: [hostile],
        confidence: 0.5,
        referrer: { name: hostile, email: "referrer@nhs.example", organisation: hostile, confirmed: true },
        acknowledgement: { state: "queued" },
        clocks,
        outOfHours: false,
        tabUrl: "https://teams.example/l/entity/app/contact",
      }),
    ],
    case: [
      caseCard({
        timeZone,
        case: kase,
        leadWorkerName: hostile,
        clocks,
        actions: [
          {
            id: "allocate",
            label: "Allocate a practitioner",
            rules: ["4.1"],
            inputs: [
              {
                name: "worker",
                label: "Practitioner",
                required: true,
                type: "staff",
                options: [{ value: "w-1", label: hostile }],
              },
              { name: "note", label: "Note", required: false, type: "longtext" },
            ],
          },
        ],
      }),
    ],
    "decision result": [decisionResultCard({ timeZone, caseId: kase.id, outcome: "recorded", decision })],
    due: dueCards({ timeZone, items: [item] }),
    error: [errorCard({ message: hostile, code: "X.Y" })],
    escalation: [escalationCard({ timeZone, managerName: hostile, practitionerName: hostile, item })],
    help: [helpCard(), welcomeCard({ centreName: hostile })],
    "screening agenda": screeningAgendaCards({
      ...agenda,
      outcomes: familySolutions.screeningOutcomes,
      items: [
        { case: kase, clocks, etag: 'W/"1"' },
        { case: { ...kase, id: "FC-2026-000903" }, clocks, decision },
      ],
    }),
    "MAAM agenda": maamAgendaCards({
      ...agenda,
      outcomes: familySolutions.panels.find((p) => p.id === "maam")?.outcomes ?? [],
      items: [
        { case: kase, clock: overdue, etag: 'W/"1"' },
        { case: { ...kase, id: "FC-2026-000904" }, decision },
      ],
    }),
    "transfer panel agenda": transferPanelAgendaCards({
      timeZone,
      date: "2026-01-22",
      panel: transferPanel,
      items: [
        { case: bexleyCase, direction: "to-early-help", summary, etag: 'W/"2"' },
        {
          case: { ...bexleyCase, id: "FC-2026-000905" },
          direction: "to-early-help",
          summary,
          decision: { ...decision, done: [hostile] },
        },
      ],
    }),
    "my cases": myCasesCards({ timeZone, cases: [{ case: kase, clocks }] }),
    "nudge digest": nudgeDigestCards({ timeZone, personName: hostile, date: "2026-01-20", items: [item] }),
    "overdue note": [overdueNoteCard({ timeZone, item })],
    "clock reason": [clockReasonCard({ timeZone, item })],
    "pre-allocation reminder": [preAllocationReminderCard({ timeZone, items: [item] })],
    "quarantine notice": [quarantineNoticeCard({ timeZone, receivedAt: NOW, reason: hostile, attempts: 3 })],
    "removed under retention": [removedUnderRetentionCard()],
  };
}
