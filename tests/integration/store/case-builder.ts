import type { Case } from "../../../src/domain/case.js";
import type { CaseEvent, NewCaseEvent } from "../../../src/domain/case-events.js";
import type { Contact } from "../../../src/domain/contact.js";

const dutyWorker = { kind: "staff", id: "staff-duty-1" } as const;

/** A case as the lifecycle would produce it: `aCase("FC-2026-000001").withEvent(...).build()`. */
export function aCase(id: string) {
  let kase: Case = {
    id,
    profileId: "family-solutions",
    state: "awaiting-screening",
    kind: "early-help-assessment",
    openedAt: "2026-12-01T09:15:00.000Z",
    referrer: { organisation: "Example Primary School", confirmed: true },
    summary: "EHA · 2 children",
    family: { children: ["child-a", "child-b"] },
    events: [
      {
        seq: 1,
        type: "contact.received",
        at: "2026-12-01T09:15:00.000Z",
        by: { kind: "system", id: "mailbox-intake" },
        data: { contactId: "c1", kind: "early-help-assessment", followUp: false },
      },
    ],
  };
  const builder = {
    with(change: Partial<Omit<Case, "events">>) {
      kase = { ...kase, ...change };
      return builder;
    },
    build: (): Case => kase,
  };
  return builder;
}

export const contactOf = (kase: Case, id = "c1"): Contact => ({
  id,
  caseId: kase.id,
  kind: kase.kind,
  receivedAt: kase.openedAt,
  channel: "mailbox",
  messageId: "AAMkAGI2/TG+Q==#?x",
  isFollowUp: false,
});

/** The next event of the case's log, numbered as the lifecycle numbers it. */
export function nextEvent(kase: Case, event: Omit<NewCaseEvent, "by"> & Partial<Pick<CaseEvent, "by">>): CaseEvent {
  return { by: dutyWorker, ...event, seq: kase.events.length + 1 } as CaseEvent;
}

/** The case after the event: what `append` is given as `nextCase`. */
export const after = (kase: Case, events: readonly CaseEvent[], change: Partial<Omit<Case, "events">> = {}): Case => ({
  ...kase,
  ...change,
  events: [...kase.events, ...events],
});
