import { CONTACT_KIND_LABELS, type Contact } from "../../domain/contact.js";
import { letterKey } from "../../app/mail-keys.js";
import { acknowledgementFromCase } from "../../domain/intake/acknowledgement-status.js";
import type { StoredCase } from "../../ports/cases.js";
import type { ApiDeps } from "../api-deps.js";
import type { AcknowledgementStatus, TriageItem, TriageResponse } from "../contract.js";
import { loadCases, PAGE_SIZE, staffNames } from "./case-loader.js";
import { caseSummary } from "./clock-view.js";

/** Why the contact was classified as it was, from what the log keeps (the intake's own reasons are on the card). */
function reasonsOf(stored: StoredCase, contact: Contact): string[] {
  const received = stored.case.events.find((e) => e.type === "contact.received" && e.data.contactId === contact.id);
  const reasons = [`Logged as ${CONTACT_KIND_LABELS[contact.kind]} from the ${contact.channel}.`];
  if (received?.type === "contact.received" && received.data.outOfHours) reasons.push("Received out of hours.");
  if (!contact.referrer?.confirmed) reasons.push("The original referrer needs a duty worker to confirm it (rule 1.2).");
  return reasons;
}

/** The case decides most of it (held until the referrer is confirmed, sent, returned); the outbox knows the rest. */
async function acknowledgementOf(deps: ApiDeps, stored: StoredCase, contact: Contact) {
  const fact = acknowledgementFromCase(deps.app.profile, stored.case, contact);
  if (fact !== undefined) return { status: fact };
  const item = await deps.app.outbox.get(stored.case.id, letterKey(stored.case.id, "acknowledgement", contact.id));
  if (item === undefined) return { status: "none" as AcknowledgementStatus };
  return { status: item.state as AcknowledgementStatus, updatedAt: item.updatedAt };
}

async function triageItem(
  deps: ApiDeps,
  stored: StoredCase,
  names: Map<string, string>,
): Promise<TriageItem | undefined> {
  const contact =
    [...stored.contacts].reverse().find((c) => !c.isFollowUp && c.referrer?.confirmed !== true) ??
    stored.contacts.at(-1);
  if (contact === undefined) return undefined;
  return {
    ...caseSummary(stored.case, names),
    contactId: contact.id,
    receivedAt: contact.receivedAt,
    ...(contact.subject === undefined ? {} : { subject: contact.subject }),
    classification: {
      kind: contact.kind,
      kindLabel: CONTACT_KIND_LABELS[contact.kind],
      reasons: reasonsOf(stored, contact),
    },
    ...(contact.referrer === undefined ? {} : { referrer: contact.referrer }),
    acknowledgement: await acknowledgementOf(deps, stored, contact),
    etag: stored.etag,
  };
}

/** New contacts whose original referrer a duty worker must confirm, one page of the triage worklist. */
export async function triageQueue(deps: ApiDeps, continuation?: string): Promise<TriageResponse> {
  const page = await deps.app.worklists.list("triage", { top: PAGE_SIZE, ...(continuation ? { continuation } : {}) });
  const [cases, names] = await Promise.all([loadCases(deps, page.items), staffNames(deps)]);
  const items = (await Promise.all(cases.map((c) => triageItem(deps, c, names)))).filter(
    (i): i is TriageItem => i !== undefined,
  );
  return { items, ...(page.continuation ? { continuation: page.continuation } : {}) };
}
