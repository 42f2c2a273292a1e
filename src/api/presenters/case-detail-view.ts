import type { CaseDetailReading } from "../../app/queries/case-detail.js";
import { EVENT_PHRASES, eventPhrase } from "../../domain/case-event-phrases.js";
import type { CaseEvent } from "../../domain/case-events.js";
import { CONTACT_KIND_LABELS } from "../../domain/contact.js";
import type { Profile } from "../../domain/rules/profile-schema.js";
import type { OutboxItem } from "../../ports/outbox.js";
import type { EvaluatedCheck } from "../../domain/rules/check-stages.js";
import type { CaseAction } from "../../app/actions/case-action.js";
import type { RaisedWarning } from "../../domain/rules/warnings.js";
import type { CaseActionView, CaseDetail, CheckView, EmailView, TimelineEntry, WarningView } from "../contract.js";
import { caseSummary, clockView } from "./case-views.js";

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

/** A check stage by stage, each stage named as the timeline names its event. */
const checkView = (check: EvaluatedCheck): CheckView => ({
  ruleId: check.ruleId,
  ruleName: check.ruleName,
  citation: check.citation,
  items: check.items.map(({ id, label }) => ({ id, label })),
  stages: check.stages.map((stage) => ({ ...stage, label: EVENT_PHRASES[stage.event] })),
  missing: check.stages.filter((stage) => stage.status === "missing").length,
});

/** An action as the tab takes it: where to POST its inputs. */
const actionView = (caseId: string, action: CaseAction): CaseActionView => ({
  ...action,
  path: `/api/cases/${encodeURIComponent(caseId)}/actions/${action.id}`,
});

/** A warning named with the event that raised it, as a check names its stages. */
const warningView = ({ event, ...warning }: RaisedWarning): WarningView => ({
  ...warning,
  label: EVENT_PHRASES[event],
});

export function caseDetailView(
  reading: CaseDetailReading,
  actions: readonly CaseAction[],
  names: ReadonlyMap<string, string>,
  profile: Profile,
): CaseDetail {
  const { stored } = reading;
  const kase = stored.case;
  return {
    case: {
      ...caseSummary(kase, names),
      ...(kase.closedAt === undefined ? {} : { closedAt: kase.closedAt }),
      ...(kase.wraparoundWorkerId === undefined ? {} : { wraparoundWorkerId: kase.wraparoundWorkerId }),
      ...(kase.referrer === undefined ? {} : { referrer: kase.referrer }),
      ...(kase.family === undefined ? {} : { family: kase.family }),
    },
    etag: stored.etag,
    rag: reading.rag,
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
    timeline: kase.events.map((event) => timelineEntry(event, profile)),
    clocks: reading.clocks.map(clockView),
    emails: reading.letters.map(emailView),
    checks: reading.checks.map(checkView),
    ...(kase.state === "closed" ? {} : { closureChecks: reading.closureChecks.map(checkView) }),
    actions: actions.map((action) => actionView(kase.id, action)),
    warnings: reading.warnings.map(warningView),
  };
}
