import { DEFAULT_CENTRE_ID } from "../../src/compose/config-schema.js";
import { extendedProperty, type StoredMessage } from "../../dev/m365/message.js";
import { OUTBOX_KEY_PROPERTY } from "../../src/graph/mail-sending.js";
import { TableClient } from "@azure/data-tables";
import type { MessageRecord, MessageState } from "../../src/ports/message-ledger.js";
import { encodeKey } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";
import type { ExpectedOutcome } from "./expected-outcomes.js";

/** One email the run sent: its Message-ID (no angle brackets) and the fixture it is a copy of. */
export interface SentEmail {
  readonly messageId: string;
  readonly fixture: string;
}

/** What the run finds at the end, per email (by Message-ID), read from the stand-in and from Azurite. */
export interface Evidence {
  /** Graph ids of the Inbox messages carrying each Message-ID. */
  readonly inbox: ReadonlyMap<string, readonly string[]>;
  /** The ledger's record of each Graph id. */
  readonly ledger: ReadonlyMap<string, MessageRecord>;
  /** How many contacts each Graph id became, across all cases. */
  readonly contactsByGraphId: ReadonlyMap<string, number>;
  /** Sent Items: each message's outbox marker and the Message-IDs it answers. */
  readonly sent: readonly { readonly outboxKey?: string; readonly answers: readonly string[] }[];
}

export interface MailTally {
  readonly emails: number;
  readonly contacts: number;
  /** Expected to be logged as a contact, handled (a final ledger state), and no contact holds it. */
  readonly lost: number;
  readonly duplicateContacts: number;
  /** Not handled when the run ended: not in the Inbox, or in it without a final ledger state. Late, not lost. */
  readonly unsettled: number;
  readonly acks: number;
  readonly duplicateAcks: number;
  /** Expected an acknowledgement and none was sent. */
  readonly missingAcks: number;
  /** An acknowledgement to mail that should never get one (an autoreply, a bounce…). */
  readonly unexpectedAcks: number;
  /** Fixtures of the emails lost or left unacknowledged, with how many: where to look. */
  readonly lostByFixture: Readonly<Record<string, number>>;
  readonly missingAcksByFixture: Readonly<Record<string, number>>;
  /** Outbox keys (case id, letter, contact id: no personal data) of letters found more than once in Sent Items. */
  readonly duplicateAckKeys: readonly string[];
}

const bare = (id: string) => id.trim().replace(/^<|>$/g, "").toLowerCase();
const FINAL = new Set(["logged", "ignored", "quarantined"]);
const bump = (table: Record<string, number>, key: string) => (table[key] = (table[key] ?? 0) + 1);

/** Counts losses and duplicates, email by email, against what each fixture must become. */
export function tallyMail(
  emails: readonly SentEmail[],
  expected: ReadonlyMap<string, ExpectedOutcome>,
  evidence: Evidence,
): MailTally {
  const acksTo = new Map<string, number>();
  const acksByKey = new Map<string, number>();
  for (const message of evidence.sent) {
    if (!message.outboxKey?.includes("~acknowledgement~")) continue;
    acksByKey.set(message.outboxKey, (acksByKey.get(message.outboxKey) ?? 0) + 1);
    for (const answered of message.answers) acksTo.set(bare(answered), (acksTo.get(bare(answered)) ?? 0) + 1);
  }
  const lostByFixture: Record<string, number> = {};
  const missingAcksByFixture: Record<string, number> = {};
  let contacts = 0;
  let lost = 0;
  let duplicateContacts = 0;
  let unsettled = 0;
  let missingAcks = 0;
  let unexpectedAcks = 0;
  for (const email of emails) {
    const want = expected.get(email.fixture) ?? { contact: true, ack: false };
    const graphIds = evidence.inbox.get(bare(email.messageId)) ?? [];
    const held = graphIds.reduce((sum, id) => sum + (evidence.contactsByGraphId.get(id) ?? 0), 0);
    if (held > 0) contacts++;
    duplicateContacts += Math.max(0, held - 1);
    const late = graphIds.length === 0 || graphIds.some((id) => !FINAL.has(evidence.ledger.get(id)?.state ?? ""));
    if (late) unsettled++;
    // Still being handled when the run ended is late, counted apart; handled, and not as a contact, is lost.
    if (want.contact && held === 0 && !late) {
      lost++;
      bump(lostByFixture, email.fixture);
    }
    const acked = acksTo.get(bare(email.messageId)) ?? 0;
    if (want.ack && acked === 0) {
      missingAcks++;
      bump(missingAcksByFixture, email.fixture);
    }
    if (!want.contact && acked > 0) unexpectedAcks++;
  }
  const duplicates = (counts: Iterable<number>) => [...counts].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  return {
    emails: emails.length,
    contacts,
    lost,
    duplicateContacts,
    unsettled,
    acks: acksByKey.size,
    // By marker (one letter per outbox key) and by the email answered (not the older mail a reply also names).
    duplicateAcks: Math.max(
      duplicates(acksByKey.values()),
      duplicates(emails.map((e) => acksTo.get(bare(e.messageId)) ?? 0)),
    ),
    missingAcks,
    unexpectedAcks,
    lostByFixture,
    missingAcksByFixture,
    duplicateAckKeys: [...acksByKey].filter(([, n]) => n > 1).map(([key]) => key),
  };
}

/** The ledger's rows in one query (a read per message would take minutes): row key → state. */
async function ledgerStates(
  connectionString: string,
): Promise<Map<string, Pick<MessageRecord, "state" | "claimedAt">>> {
  const table = TableClient.fromConnectionString(connectionString, `${DEFAULT_CENTRE_ID}Messages`, {
    allowInsecureConnection: true,
  });
  const states = new Map<string, Pick<MessageRecord, "state" | "claimedAt">>();
  for await (const row of table.listEntities<{ state?: MessageState; claimedAt?: string }>())
    if (row.state !== undefined) states.set(row.rowKey ?? "", { state: row.state, claimedAt: row.claimedAt ?? "" });
  return states;
}

/** Reads the evidence: the stand-in's Inbox and Sent Items, the ledger and every case's contacts in Azurite. */
export async function gatherEvidence(
  mailbox: { list(folder: "inbox" | "sentitems"): StoredMessage[] },
  store: Store,
  connectionString: string,
): Promise<Evidence> {
  const inbox = new Map<string, string[]>();
  const ledger = new Map<string, MessageRecord>();
  const states = await ledgerStates(connectionString);
  for (const message of mailbox.list("inbox")) {
    const key = bare(message.internetMessageId);
    inbox.set(key, [...(inbox.get(key) ?? []), message.id]);
    const row = states.get(encodeKey(message.id));
    if (row !== undefined) ledger.set(message.id, { messageId: message.id, ...row });
  }
  const contactsByGraphId = new Map<string, number>();
  for await (const header of store.cases.listCaseHeaders()) {
    const stored = await store.cases.findCase(header.id);
    for (const contact of stored?.contacts ?? []) {
      if (contact.messageId === undefined) continue;
      contactsByGraphId.set(contact.messageId, (contactsByGraphId.get(contact.messageId) ?? 0) + 1);
    }
  }
  const sent = mailbox.list("sentitems").map((message) => {
    const outboxKey = extendedProperty(message, OUTBOX_KEY_PROPERTY);
    return { ...(outboxKey === undefined ? {} : { outboxKey }), answers: message.references };
  });
  return { inbox, ledger, contactsByGraphId, sent };
}
