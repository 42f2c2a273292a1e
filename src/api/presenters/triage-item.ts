import type { AcknowledgementState } from "../../app/queries/acknowledgement.js";
import type { TriageEntry } from "../../app/queries/triage-queue.js";
import { CONTACT_KIND_LABELS } from "../../domain/contact.js";
import type { AcknowledgementStatus, TriageItem } from "../contract.js";
import { caseSummary } from "./case-views.js";

const STATUS: Record<AcknowledgementState["state"], AcknowledgementStatus> = {
  "not-required": "not-required",
  held: "held",
  queued: "pending",
  drafted: "drafted",
  failed: "failed",
  sent: "sent",
  "not-delivered": "not-delivered",
  "not-sent": "none",
};

const acknowledgementView = (ack: AcknowledgementState): TriageItem["acknowledgement"] => ({
  status: STATUS[ack.state],
  ...("updatedAt" in ack ? { updatedAt: ack.updatedAt } : "at" in ack ? { updatedAt: ack.at } : {}),
});

export function triageItem(entry: TriageEntry, names: ReadonlyMap<string, string>): TriageItem {
  const { stored, contact } = entry;
  return {
    ...caseSummary(stored.case, names),
    contactId: contact.id,
    receivedAt: contact.receivedAt,
    ...(contact.subject === undefined ? {} : { subject: contact.subject }),
    classification: { kind: contact.kind, kindLabel: CONTACT_KIND_LABELS[contact.kind], reasons: entry.reasons },
    ...(contact.referrer === undefined ? {} : { referrer: contact.referrer }),
    acknowledgement: acknowledgementView(entry.acknowledgement),
    etag: stored.etag,
  };
}
