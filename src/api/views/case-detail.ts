import { CONTACT_KIND_LABELS } from "../../domain/contact.js";
import type { CaseEvent } from "../../domain/case-events.js";
import { eventPhrase } from "../../domain/case-event-phrases.js";
import type { Profile } from "../../domain/policy/profile-schema.js";
import { outcomeLetterKeys } from "../../app/record-decision.js";
import { letterKey } from "../../app/mail-keys.js";
import type { OutboxItem } from "../../ports/outbox.js";
import type { StoredCase } from "../../ports/cases.js";
import type { ApiDeps } from "../api-deps.js";
import type { CaseDetail, EmailView, TimelineEntry } from "../contract.js";
import { notFound } from "../errors.js";
import { staffNames } from "./case-loader.js";
import { allClocks, caseSummary, clockView, worstRag } from "./clock-view.js";

/** How the timeline names each event: as the bot's case card does, a decision with its outcome's label. */
export function timelineEntry(event: CaseEvent, profile: Profile): TimelineEntry {
  return {
    seq: event.seq,
    type: event.type,
    label: eventPhrase(event, profile),
    at: event.at,
    ...(event.recordedAt === undefined ? {} : { recordedAt: event.recordedAt }),
    by: event.by,
    ...(event.why === undefined ? {} : { why: event.why }),
    data: event.data,
  };
}

/** Only what a practitioner needs of a sent email: what it was, where it got to; never its body or recipients. */
const emailView = (item: OutboxItem): EmailView => ({
  key: item.key,
  purpose: item.purpose,
  state: item.state,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
  ...(item.failureReason === undefined ? {} : { failureReason: item.failureReason }),
});

/** Every letter the case may have queued: acknowledgements per contact, outcome letters per decision (point reads). */
async function emailsOf(deps: ApiDeps, stored: StoredCase): Promise<EmailView[]> {
  const id = stored.case.id;
  const keys = [
    ...stored.contacts.map((c) => letterKey(id, "acknowledgement", c.id)),
    ...outcomeLetterKeys(stored.case),
  ];
  const items = await Promise.all(keys.map((key) => deps.app.outbox.get(id, key)));
  return items.filter((i): i is OutboxItem => i !== undefined && i.channel === "email").map(emailView);
}

export async function caseDetail(deps: ApiDeps, caseId: string): Promise<CaseDetail> {
  const stored = await deps.app.cases.findCase(caseId);
  if (stored === undefined) throw notFound(`Case ${caseId}`);
  const [names, emails] = await Promise.all([staffNames(deps), emailsOf(deps, stored)]);
  const { case: kase } = stored;
  const clocks = allClocks(kase, deps.app).map(clockView);
  return {
    case: {
      ...caseSummary(kase, names),
      ...(kase.closedAt === undefined ? {} : { closedAt: kase.closedAt }),
      ...(kase.wraparoundWorkerId === undefined ? {} : { wraparoundWorkerId: kase.wraparoundWorkerId }),
      ...(kase.referrer === undefined ? {} : { referrer: kase.referrer }),
      ...(kase.family === undefined ? {} : { family: kase.family }),
    },
    etag: stored.etag,
    rag: worstRag(clocks),
    contacts: stored.contacts.map((c) => ({
      contactId: c.id,
      kind: c.kind,
      kindLabel: CONTACT_KIND_LABELS[c.kind],
      receivedAt: c.receivedAt,
      channel: c.channel,
      ...(c.subject === undefined ? {} : { subject: c.subject }),
      ...(c.referrer === undefined ? {} : { referrer: c.referrer }),
      isFollowUp: c.isFollowUp,
    })),
    timeline: kase.events.map((event) => timelineEntry(event, deps.app.profile)),
    clocks,
    emails,
  };
}
