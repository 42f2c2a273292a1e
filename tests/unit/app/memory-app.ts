import type { AppDeps } from "../../../src/app/app-deps.js";
import type { Decider } from "../../../src/app/decider.js";
import { letterKey } from "../../../src/app/mail-keys.js";
import { reindexCase } from "../../../src/app/reindex-case.js";
import { englandAndWalesBankHolidays } from "../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../src/domain/calendar/create-calendar.js";
import type { Case } from "../../../src/domain/case.js";
import type { Contact } from "../../../src/domain/contact.js";
import type { StaffRole } from "../../../src/domain/staff.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import type { Mailbox } from "../../../src/ports/mailbox.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";
import { movableClock, type MovableClock } from "../../support/app-harness.js";

/** Use cases here never touch the mailbox (the outbox does): any call is a test failure. */
const noMailbox = new Proxy({} as Mailbox, {
  get: (_target, name) => () => Promise.reject(new Error(`mailbox.${String(name)} was not expected`)),
});

/** The use cases over the in-memory store (Azure's conflict rules), the family-solutions profile and London time. */
export function memoryApp(now: string): AppDeps & { clock: MovableClock } {
  return {
    ...createMemoryStore(),
    mailbox: noMailbox,
    profile: loadProfile("family-solutions"),
    calendar: createCalendar({ bankHolidays: englandAndWalesBankHolidays(2025, 2028) }),
    clock: movableClock(now),
    logger: silentLogger,
    mailContext: {
      groupMailbox: "familycentre@council.example",
      earlyHelpDesk: [],
      ownMarker: { header: "x-fc-outbox-key" },
      caseReferencePattern: /FC-\d{4}-\d{6}/,
    },
    centre: {
      name: "Family Centre North",
      mailbox: "familycentre@council.example",
      maxAcksPerSenderPerDay: 10,
      letterInTransitMinutes: 15,
      acknowledgeWithinHours: 96,
    },
  };
}

/** A built case saved with its first contact's row and put on its queues, as intake would. */
export async function saved(deps: AppDeps, kase: Case): Promise<Contact> {
  const first = kase.events[0];
  const contact: Contact = {
    id: first?.type === "contact.received" ? first.data.contactId : `${kase.id}-contact-1`,
    caseId: kase.id,
    kind: kase.kind,
    receivedAt: kase.openedAt,
    channel: "mailbox",
    isFollowUp: false,
  };
  await deps.cases.create(kase, kase.events, [contact]);
  await reindexCase(deps, kase, deps.clock.now());
  return contact;
}

export const staff = (id: string, ...roles: StaffRole[]): Decider => ({
  actor: { kind: "staff", id, displayName: id },
  roles,
});

/** The case's acknowledgement of a contact, queued as intake queues it; its outbox key. */
export async function queuedAcknowledgement(deps: AppDeps, caseId: string, contactId: string): Promise<string> {
  const key = letterKey(caseId, "acknowledgement", contactId);
  const letter = { letter: "acknowledgement", contactId };
  await deps.outbox.enqueue(
    { caseId, key, channel: "email", purpose: "acknowledgement", payload: letter },
    deps.clock.now(),
  );
  return key;
}
