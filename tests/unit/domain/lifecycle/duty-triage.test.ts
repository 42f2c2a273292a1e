import { describe, expect, it } from "vitest";
import type { Case } from "../../../../src/domain/case.js";
import { englandAndWalesBankHolidays } from "../../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../../src/domain/calendar/create-calendar.js";
import { CaseForbiddenError, CaseTransitionError, InvalidCaseCommandError } from "../../../../src/domain/errors.js";
import { replay } from "../../../../src/domain/lifecycle/evolve.js";
import { checkLinkTarget, triageDecisionOf } from "../../../../src/domain/lifecycle/index.js";
import { caseSeed } from "../../../../src/domain/lifecycle/open-case.js";
import { deadlines } from "../../../../src/domain/rules/deadlines.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { act, caught, people } from "./act.js";

const profile = loadProfile("family-solutions");
const calendar = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2025, 2028) });
const { dutyWorker, manager, practitioner } = people;

const WRONG = "FC-2026-000200";
const EXISTING = "FC-2026-000150";
const CONTACT = `${WRONG}-contact-1`;
/** Received Monday 12 January 2026, 09:00; triaged the same morning. */
const received = "2026-01-12T09:00:00Z";
const triagedAt = "2026-01-12T10:15:00Z";

const openedInError = (): Case => aCase().withId(WRONG).receivedAt(received).build();
const link = { type: "linkContactToCase" as const, toCaseId: EXISTING, contactIds: [CONTACT] };

/** Every clock of the case long after each maximum would have passed. */
const clockStatuses = (kase: Case) =>
  deadlines(kase, profile, calendar, new Date("2026-03-01T12:00:00Z")).map((d) => [d.ruleId, d.status]);

describe("duty triage: a contact that was really about an existing case", () => {
  it("closes the case opened in error as linked to the other case, with who decided and when", () => {
    const { case: kase, events } = act(openedInError(), profile, dutyWorker, triagedAt, {
      ...link,
      note: "Same family as FC-2026-000150",
    });
    expect(kase.state).toBe("closed");
    expect(kase.closedAt).toBe("2026-01-12T10:15:00.000Z");
    expect(events).toEqual([
      {
        type: "case.linked",
        at: "2026-01-12T10:15:00.000Z",
        by: dutyWorker.actor,
        why: "Same family as FC-2026-000150",
        data: { toCaseId: EXISTING, contactIds: [CONTACT] },
      },
    ]);
    expect(triageDecisionOf(kase)).toMatchObject({ type: "case.linked", seq: 2 });
  });

  it("cancels its running clocks (1.1, 1.2) rather than breaching them; 1.3 was met when the contact was logged", () => {
    const before = clockStatuses(openedInError());
    expect(before.map(([, status]) => status)).not.toContain("cancelled");
    const { case: kase } = act(openedInError(), profile, dutyWorker, triagedAt, link);
    const after = clockStatuses(kase);
    expect(after.map(([rule]) => rule)).toEqual(before.map(([rule]) => rule));
    expect(after.filter(([rule]) => rule !== "1.3").every(([, status]) => status === "cancelled")).toBe(true);
    expect(after.filter(([rule]) => rule === "1.3")).toEqual([["1.3", "met"]]);
  });

  it("logs the contact on the case it was about without starting a second acknowledgement clock (1.2)", () => {
    const existing = aCase().withId(EXISTING).receivedAt("2026-01-05T09:00:00Z").screenedAs("maam").build();
    const { case: kase, events } = act(existing, profile, dutyWorker, triagedAt, {
      type: "receiveLinkedContact",
      contactId: CONTACT,
      fromCaseId: WRONG,
    });
    expect(events).toMatchObject([{ type: "contact.linked", data: { contactId: CONTACT, fromCaseId: WRONG } }]);
    expect(kase.state).toBe("awaiting-maam");
    const rule12 = (c: Case) => deadlines(c, profile, calendar, new Date(triagedAt)).filter((d) => d.ruleId === "1.2");
    expect(rule12(kase)).toHaveLength(rule12(existing).length);
  });

  it("is refused once screening has decided, naming where the case is", () => {
    const screened = aCase().withId(WRONG).receivedAt(received).screenedAs("maam").build();
    const error = caught(() => act(screened, profile, dutyWorker, triagedAt, link));
    expect(error).toBeInstanceOf(CaseTransitionError);
    expect(error.message).toBe(
      `Case ${WRONG} is awaiting MAAM; it cannot be linked to another case once screening has decided it; record the link as a case note instead.`,
    );
  });

  it("is refused for a case back at screening with a history of its own (a wraparound request)", () => {
    const returned = aCase()
      .withId(WRONG)
      .receivedAt(received)
      .screenedAs("escalate-social-care")
      .then({ type: "receiveWraparoundRequest" })
      .build();
    expect(returned.state).toBe("awaiting-screening");
    const error = caught(() => act(returned, profile, dutyWorker, triagedAt, link));
    expect(error).toBeInstanceOf(CaseTransitionError);
    expect(error.message).toContain("once screening has started");
  });

  it("cannot link a case to itself", () => {
    const error = caught(() => act(openedInError(), profile, dutyWorker, triagedAt, { ...link, toCaseId: WRONG }));
    expect(error).toBeInstanceOf(InvalidCaseCommandError);
  });

  it("cannot link to a closed case: the family writing again is a new contact", () => {
    const closed = aCase().withId(EXISTING).screenedAs("signpost").build();
    const error = caught(() => checkLinkTarget(closed));
    expect(error).toBeInstanceOf(CaseTransitionError);
    expect(error.message).toContain(`Case ${EXISTING} is closed`);
    expect(() => checkLinkTarget(aCase().withId(EXISTING).build())).not.toThrow();
  });

  it("is for a duty worker or a manager, not a practitioner", () => {
    const error = caught(() => act(openedInError(), profile, practitioner, triagedAt, link));
    expect(error).toBeInstanceOf(CaseForbiddenError);
    expect(error.message).toContain("Only a duty worker or a manager can link a contact to an existing case");
    expect(act(openedInError(), profile, manager, triagedAt, link).case.state).toBe("closed");
  });
});

describe("duty triage: not a contact", () => {
  it("closes the case with the reason and note, and replays to the same case", () => {
    const { case: kase, events } = act(openedInError(), profile, dutyWorker, triagedAt, {
      type: "markNotAContact",
      reason: "wrong-mailbox",
      note: "Meant for the housing team",
    });
    expect(events).toEqual([
      {
        type: "case.marked-not-a-contact",
        at: "2026-01-12T10:15:00.000Z",
        by: dutyWorker.actor,
        why: "Meant for the housing team",
        data: { reason: "wrong-mailbox", note: "Meant for the housing team" },
      },
    ]);
    expect(kase.state).toBe("closed");
    const seed = caseSeed({
      id: WRONG,
      contactId: CONTACT,
      kind: kase.kind,
      receivedAt: received,
      actor: dutyWorker.actor,
      profile,
    });
    expect(replay(seed, kase.events)).toEqual(kase);
  });

  it("cancels its clocks rather than breaching them", () => {
    const { case: kase } = act(openedInError(), profile, dutyWorker, triagedAt, {
      type: "markNotAContact",
      reason: "spam",
    });
    const running = clockStatuses(kase).filter(([rule]) => rule !== "1.3");
    expect(running.length).toBeGreaterThan(0);
    expect(running.every(([, status]) => status === "cancelled")).toBe(true);
  });

  it('needs a note when the reason is "other"', () => {
    const error = caught(() =>
      act(openedInError(), profile, dutyWorker, triagedAt, { type: "markNotAContact", reason: "other", note: " " }),
    );
    expect(error).toBeInstanceOf(InvalidCaseCommandError);
    expect(error.message).toContain("say in the note why this is not a contact");
  });

  it("accepts only a reason from the list", () => {
    const error = caught(() =>
      act(openedInError(), profile, dutyWorker, triagedAt, {
        type: "markNotAContact",
        reason: "bored" as "spam",
      }),
    );
    expect(error).toBeInstanceOf(InvalidCaseCommandError);
    expect(error.message).toContain("spam, wrong-mailbox, duplicate, general-enquiry, other");
  });

  it("is refused once screening has decided, and for a second time", () => {
    const screened = aCase().withId(WRONG).receivedAt(received).screenedAs("maam").build();
    const mark = { type: "markNotAContact" as const, reason: "duplicate" as const };
    expect(caught(() => act(screened, profile, dutyWorker, triagedAt, mark)).message).toBe(
      `Case ${WRONG} is awaiting MAAM; it cannot be marked as not a contact once screening has decided it; close it through the usual closure instead.`,
    );
    const marked = act(openedInError(), profile, dutyWorker, triagedAt, mark).case;
    expect(caught(() => act(marked, profile, manager, triagedAt, link))).toBeInstanceOf(CaseTransitionError);
  });
});
