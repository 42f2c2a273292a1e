import { letterKey } from "../../src/app/mail-keys.js";
import type { Referrer } from "../../src/domain/contact.js";
import { deadlines } from "../../src/domain/rules/deadlines.js";
import type { OutboxItem } from "../../src/ports/outbox.js";
import type { StoredCase } from "../../src/ports/cases.js";
import type { BotDeps } from "../bot-deps.js";
import type { AcknowledgementStatus, TriageView } from "../cards/triage.js";
import { sharedCardDetail } from "./shared-card-detail.js";
import { caseLink } from "./tab-links.js";

/** What intake knew when it logged the contact and nothing on the case records: why it was sorted so. */
export interface TriageFinding {
  readonly contactId: string;
  readonly reasons: readonly string[];
  readonly confidence: number;
  /** Why no acknowledgement was queued, when none was (intake decided it; the outbox has no item to ask). */
  readonly notAcknowledgedBecause?: Extract<AcknowledgementStatus, { state: "not-sent" }>["reason"];
}

const HOLD_REASONS = ["referrer-unconfirmed", "sender-daily-cap"] as const;
type HoldReason = (typeof HOLD_REASONS)[number];
const isHoldReason = (value: unknown): value is HoldReason => HOLD_REASONS.includes(value as HoldReason);

/** Where the 1.2 acknowledgement stands now, from its outbox item (sent, queued or held with why). */
function acknowledgementOf(item: OutboxItem | undefined, finding: TriageFinding): AcknowledgementStatus {
  if (item === undefined) return { state: "not-sent", reason: finding.notAcknowledgedBecause ?? "not-for-this-kind" };
  if (item.state === "sent") return { state: "sent", at: item.updatedAt };
  const holdReason = item.payload["holdReason"];
  if (item.state === "held")
    return { state: "held", reason: isHoldReason(holdReason) ? holdReason : "referrer-unconfirmed" };
  // Pending, being sent, or failed and waiting for a retry: the outbox keeps trying either way.
  return { state: "queued" };
}

/** The referrer the acknowledgement goes to: the duty worker's latest confirmation, else intake's best guess. */
function referrerOf(stored: StoredCase, contactId: string): Referrer | undefined {
  const confirmed = stored.case.events.findLast(
    (e) => e.type === "referrer.confirmed" && e.data.contactId === contactId,
  );
  if (confirmed?.type === "referrer.confirmed") return confirmed.data.referrer;
  return stored.contacts.find((c) => c.id === contactId)?.referrer;
}

/**
 * The duty triage card's view of a newly logged contact, as the case stands now (clocks, referrer, acknowledgement);
 * undefined when the contact is no longer on the case (moved at triage before the card went out).
 */
export async function triageView(
  deps: BotDeps,
  caseId: string,
  finding: TriageFinding,
): Promise<TriageView | undefined> {
  const stored = await deps.app.cases.findCase(caseId);
  const contact = stored?.contacts.find((c) => c.id === finding.contactId);
  if (stored === undefined || contact === undefined) return undefined;
  const { profile, calendar, clock, outbox } = deps.app;
  const received = stored.case.events.find((e) => e.type === "contact.received" && e.data.contactId === contact.id);
  const referrer = referrerOf(stored, contact.id);
  const acknowledgement = acknowledgementOf(
    await outbox.get(caseId, letterKey(caseId, "acknowledgement", contact.id)),
    finding,
  );
  return {
    timeZone: calendar.timeZone,
    caseId,
    contactId: contact.id,
    kind: contact.kind,
    receivedAt: contact.receivedAt,
    reasons: finding.reasons,
    confidence: finding.confidence,
    ...(referrer ? { referrer } : {}),
    acknowledgement,
    clocks: deadlines(stored.case, profile, calendar, clock.now()),
    outOfHours: received?.type === "contact.received" && received.data.outOfHours === true,
    tabUrl: caseLink(deps, "triage", caseId),
    detail: await sharedCardDetail(deps),
    etag: stored.etag,
  };
}
