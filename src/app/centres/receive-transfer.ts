import type { Case } from "../../domain/case.js";
import type { Contact } from "../../domain/contact.js";
import { openTransferredCase } from "../../domain/lifecycle/decide-transfer.js";
import type { CentreRef, Transfer, TransferReceived, TransferRecord } from "../../ports/centres.js";
import { CaseAlreadyExistsError } from "../../ports/cases.js";
import { AlreadyExistsError } from "../../ports/errors.js";
import type { RecordStore } from "../../ports/records.js";
import type { AppDeps } from "../app-deps.js";
import { TRANSFER_LETTER } from "../compose-letter.js";
import { acknowledgement } from "../contacts/log-contact-by-hand.js";
import { triageCard } from "../intake-notices.js";
import { reindexCase } from "../reindex-case.js";

export type ReceivingDeps = Pick<
  AppDeps,
  "cases" | "worklists" | "deadlines" | "compliance" | "outbox" | "profile" | "calendar" | "clock" | "logger"
>;

/** A centre a transfer can reach: its name and its own deps. */
export interface ReceivingCentre {
  readonly ref: CentreRef;
  readonly deps: ReceivingDeps;
}

/**
 * Opens a transferred case in the receiving centre, exactly once per transfer: the county's ledger claims the
 * receiving case number under the transfer id before the case is written, so a retry (a second click, a crash
 * part-way, the nightly repair) finds the number and the case the first attempt wrote, at the centre it chose. The
 * letter and the duty card are queued by their own keys (insert-if-absent), so they go once whichever attempt
 * queues them.
 */
export async function receiveTransfer(
  reach: (centreId: string) => ReceivingCentre,
  ledger: RecordStore<TransferRecord>,
  transfer: Transfer,
): Promise<TransferReceived> {
  const held = (await ledger.get(transfer.id))?.value;
  const centre = reach(held?.toCentre ?? transfer.toCentre);
  const record = held ?? (await claim(centre, ledger, transfer));
  const { deps } = centre;
  const existing = await deps.cases.findCase(record.toCaseId);
  const created = existing === undefined ? await open(centre, transfer, record) : undefined;
  const kase = created ?? existing?.case ?? (await deps.cases.getCase(record.toCaseId)).case;
  await queueNotices(centre, kase, transfer);
  if (created) deps.logger.info("transfer.received", { caseId: kase.id, fromCentre: transfer.from.id });
  return { centre: centre.ref, caseId: kase.id, status: created ? "received" : "already-received" };
}

/** The receiving case number, claimed under the transfer id; a racing attempt's claim wins if it came first. */
async function claim(
  centre: ReceivingCentre,
  ledger: RecordStore<TransferRecord>,
  transfer: Transfer,
): Promise<TransferRecord> {
  const { deps } = centre;
  const now = deps.clock.now();
  const record: TransferRecord = {
    fromCentre: transfer.from.id,
    fromCaseId: transfer.case.id,
    toCentre: centre.ref.id,
    toCaseId: await deps.cases.nextCaseId(Number(deps.calendar.localDate(now).slice(0, 4))),
    receivedAt: now.toISOString(),
  };
  try {
    return (await ledger.put(transfer.id, record)).value;
  } catch (error) {
    const won = error instanceof AlreadyExistsError ? await ledger.get(transfer.id) : undefined;
    if (won === undefined) throw error;
    return won.value;
  }
}

/** The sending case's contacts, first contact first, as the receiving centre's (received when the transfer was). */
function contactsFor(transfer: Transfer, record: TransferRecord): [Contact, ...Contact[]] | undefined {
  const ordered = [...transfer.contacts].sort((a, b) => Number(a.isFollowUp) - Number(b.isFollowUp));
  const referrer = transfer.case.referrer?.confirmed ? transfer.case.referrer : undefined;
  const moved = ordered.map((contact, i): Contact => ({
    ...contact,
    caseId: record.toCaseId,
    receivedAt: record.receivedAt,
    isFollowUp: i > 0,
    // The referrer the sending centre confirmed is the one 1.2 answers here too.
    ...(i === 0 && referrer !== undefined ? { referrer } : {}),
  }));
  return moved.length === 0 ? undefined : (moved as [Contact, ...Contact[]]);
}

/** The receiving case written, or undefined when a racing attempt wrote it first. */
async function open(centre: ReceivingCentre, transfer: Transfer, record: TransferRecord): Promise<Case | undefined> {
  const { deps } = centre;
  const contacts = contactsFor(transfer, record);
  if (contacts === undefined) throw new Error(`Case ${transfer.case.id} has no contact to transfer.`);
  const receivedAt = new Date(record.receivedAt);
  const opened = openTransferredCase({
    id: record.toCaseId,
    transferId: transfer.id,
    from: transfer.from,
    fromCaseId: transfer.case.id,
    kind: transfer.case.kind,
    contactIds: contacts.map((c) => c.id) as [string, ...string[]],
    ...(contacts[0].referrer ? { referrer: contacts[0].referrer } : {}),
    actor: transfer.by,
    profile: deps.profile,
    receivedAt,
    outOfHours: !deps.calendar.isWithinWorkingHours(receivedAt),
  });
  const kase: Case = { ...opened.case, ...(transfer.case.summary ? { summary: transfer.case.summary } : {}) };
  try {
    await deps.cases.create(kase, opened.events, contacts);
  } catch (error) {
    if (error instanceof CaseAlreadyExistsError) return undefined;
    throw error;
  }
  await reindexCase(deps, kase, deps.clock.now(), { fresh: true });
  return kase;
}

/**
 * The receiving profile's 1.2 for the transferred contact: its `transferReceived` letter where it has one (the
 * referrer is told the case moved), else its acknowledgement; and the duty chat's card for the new case.
 */
async function queueNotices(centre: ReceivingCentre, kase: Case, transfer: Transfer): Promise<void> {
  const { deps } = centre;
  const first = kase.events[0];
  if (first?.type !== "contact.received") return;
  const { contactId } = first.data;
  const template = deps.profile.emails.transferReceived === undefined ? undefined : TRANSFER_LETTER;
  const { acknowledged, letter } = acknowledgement(deps, kase, contactId, kase.referrer, template);
  const sorted = { reasons: [`Transferred from ${transfer.from.name}.`], confidence: 1 };
  await deps.outbox.enqueueAll([...letter, triageCard(kase.id, contactId, sorted, acknowledged)], deps.clock.now());
}
