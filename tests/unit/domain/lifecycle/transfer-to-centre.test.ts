import { describe, expect, it } from "vitest";
import { englandAndWalesBankHolidays } from "../../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../../src/domain/calendar/create-calendar.js";
import type { Case } from "../../../../src/domain/case.js";
import { openTransferredCase, transferOf } from "../../../../src/domain/lifecycle/decide-transfer.js";
import { deadlines } from "../../../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { act, caught, people } from "./act.js";

const familySolutions = loadProfile("family-solutions");
const bexley = loadProfile("bexley");
const calendar = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2025, 2028) });
const { dutyWorker, manager, practitioner } = people;

const transfer = {
  type: "transferToCentre" as const,
  transferId: "north/FC-2026-000200",
  toCentre: "bexley",
  toCentreName: "Bexley Family Wellbeing",
  toCaseId: "FC-2026-000007",
};
/** Received Monday 12 January 2026, 09:00. */
const received = "2026-01-12T09:00:00Z";
const statuses = (kase: Case, at: string) =>
  Object.fromEntries(deadlines(kase, familySolutions, calendar, new Date(at)).map((d) => [d.ruleId, d.status]));

describe("a transfer to another centre (issue 21 §4)", () => {
  it("closes the sending case as transferred, naming the centre, its case there, who and when", () => {
    const kase = aCase().withId("FC-2026-000200").receivedAt(received).build();
    const done = act(kase, familySolutions, dutyWorker, "2026-01-12T11:00:00Z", { ...transfer, note: "Moved." });
    expect(done.case.state).toBe("closed");
    expect(done.case.closedAt).toBe("2026-01-12T11:00:00.000Z");
    expect(transferOf(done.case)).toMatchObject({
      by: dutyWorker.actor,
      at: "2026-01-12T11:00:00.000Z",
      why: "Moved.",
      data: { toCentre: "bexley", toCaseId: "FC-2026-000007", transferId: "north/FC-2026-000200" },
    });
  });

  it("ends the clocks as closing does: running ones cancelled, one already past its maximum stays breached", () => {
    // 1.2's maximum (3 calendar days) passed on 15 January; 1.1's (15 calendar days) had not.
    const kase = aCase().withId("FC-2026-000200").receivedAt(received).build();
    const done = act(kase, familySolutions, manager, "2026-01-20T10:00:00Z", transfer).case;
    const after = statuses(done, "2026-03-01T12:00:00Z");
    expect(after["1.2"]).toBe("breached");
    expect(after["1.1"]).toBe("cancelled");
  });

  it("is for a duty worker or a manager, and never for a case already closed", () => {
    const kase = aCase().withId("FC-2026-000200").receivedAt(received).build();
    expect(caught(() => act(kase, familySolutions, practitioner, received, transfer)).code).toBe("CASE.FORBIDDEN");
    const closed = act(kase, familySolutions, dutyWorker, "2026-01-12T11:00:00Z", transfer).case;
    expect(caught(() => act(closed, familySolutions, dutyWorker, "2026-01-12T12:00:00Z", transfer)).code).toBe(
      "CASE.TRANSITION_NOT_ALLOWED",
    );
  });

  it("opens the receiving case as its own framework opens one, its clocks from when it received the transfer", () => {
    const at = new Date("2026-01-20T10:00:00Z");
    const opened = openTransferredCase({
      id: "FC-2026-000007",
      transferId: transfer.transferId,
      from: { id: "north", name: "North Family Centre" },
      fromCaseId: "FC-2026-000200",
      kind: "early-help-assessment",
      contactIds: ["c-1", "c-2"],
      actor: dutyWorker.actor,
      profile: bexley,
      receivedAt: at,
      outOfHours: false,
    }).case;
    expect(opened).toMatchObject({ profileId: "bexley", state: "awaiting-consent", openedAt: at.toISOString() });
    expect(opened.events.map((e) => [e.type, e.by.id, e.at])).toEqual([
      ["contact.received", "staff-duty", at.toISOString()],
      ["contact.received", "staff-duty", at.toISOString()],
      ["case.received-by-transfer", "staff-duty", at.toISOString()],
    ]);
    expect(opened.events[1]?.data).toMatchObject({ contactId: "c-2", followUp: true });
    const clocks = deadlines(opened, bexley, calendar, at);
    expect(clocks.map((d) => d.ruleId)).toContain("acknowledgement");
    expect(clocks.map((d) => d.ruleId)).not.toContain("1.1");
    expect(clocks.every((d) => d.startedAt === at.toISOString())).toBe(true);
  });
});
