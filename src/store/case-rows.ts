import type { Actor } from "../domain/actor.js";
import type { Case, CaseState } from "../domain/case.js";
import type { CaseEvent } from "../domain/case-events.js";
import type { Contact, ContactKind, Referrer } from "../domain/contact.js";
import type { CaseHeader, StoredCase } from "../ports/cases.js";
import {
  type Entity,
  type StoredEntity,
  jsonOf,
  jsonOrUndefined,
  jsonProperties,
  numberOf,
  stringOf,
} from "./entity-table.js";
import { decodeKey, encodeKey, eventRowKey } from "./keys.js";

/** Row keys of the `Cases` partition of one case. */
export const CASE_ROW = "case";
export const CONTACT_PREFIX = "contact~";
export const EVENT_PREFIX = "event~";

const contactKey = (contact: Contact): string => `${CONTACT_PREFIX}${encodeKey(contact.id)}`;

const required = (entity: Entity, property: string): string => {
  const value = stringOf(entity, property);
  if (value === undefined) throw new Error(`Cases row ${entity.partitionKey}/${entity.rowKey} has no ${property}`);
  return value;
};

export const lastSeqOf = (events: readonly CaseEvent[]): number => events.reduce((max, e) => Math.max(max, e.seq), 0);

export function caseRow(kase: Case, lastSeq: number): Entity {
  return {
    partitionKey: kase.id,
    rowKey: CASE_ROW,
    profileId: kase.profileId,
    state: kase.state,
    kind: kase.kind,
    openedAt: kase.openedAt,
    referrer: jsonOrUndefined(kase.referrer),
    leadWorkerId: kase.leadWorkerId,
    wraparoundWorkerId: kase.wraparoundWorkerId,
    summary: kase.summary,
    family: jsonOrUndefined(kase.family),
    closedAt: kase.closedAt,
    frontDoor: kase.frontDoor,
    highRisk: kase.highRisk,
    lastSeq,
  };
}

export function caseHeaderOf(row: Entity): CaseHeader {
  const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
    value === undefined ? {} : ({ [key]: value } as Record<K, V>);
  return {
    id: row.partitionKey,
    profileId: required(row, "profileId"),
    state: required(row, "state") as CaseState,
    kind: required(row, "kind") as ContactKind,
    openedAt: required(row, "openedAt"),
    ...optional("referrer", jsonOf<Referrer>(row, "referrer")),
    ...optional("leadWorkerId", stringOf(row, "leadWorkerId")),
    ...optional("wraparoundWorkerId", stringOf(row, "wraparoundWorkerId")),
    ...optional("summary", stringOf(row, "summary")),
    ...optional("family", jsonOf<NonNullable<Case["family"]>>(row, "family")),
    ...optional("closedAt", stringOf(row, "closedAt")),
    // Bexley: the Front Door decides before screening; without it a case read back skipped the Front Door.
    ...(row["frontDoor"] === true ? { frontDoor: true } : {}),
    // 11.5: the lists read the case back, so the flag must survive it.
    ...(row["highRisk"] === true ? { highRisk: true } : {}),
    lastSeq: numberOf(row, "lastSeq") ?? 0,
  };
}

export function eventRow(caseId: string, event: CaseEvent): Entity {
  return {
    partitionKey: caseId,
    rowKey: eventRowKey(event.seq),
    seq: event.seq,
    type: event.type,
    at: event.at,
    recordedAt: event.recordedAt,
    by: JSON.stringify(event.by),
    why: event.why,
    data: JSON.stringify(event.data),
  };
}

export function eventOf(row: Entity): CaseEvent {
  const recordedAt = stringOf(row, "recordedAt");
  const why = stringOf(row, "why");
  return {
    seq: numberOf(row, "seq") ?? 0,
    type: required(row, "type"),
    at: required(row, "at"),
    ...(recordedAt === undefined ? {} : { recordedAt }),
    by: jsonOf<Actor>(row, "by"),
    ...(why === undefined ? {} : { why }),
    data: jsonOf(row, "data"),
  } as CaseEvent;
}

export function contactRow(contact: Contact): Entity {
  const { id: _id, caseId, referrer, ...rest } = contact;
  return {
    partitionKey: caseId,
    rowKey: contactKey(contact),
    ...rest,
    referrer: jsonOrUndefined(referrer),
  };
}

export function contactOf(row: Entity): Contact {
  const { partitionKey, rowKey, referrer: _referrer, etag: _etag, ...rest } = row;
  const referrer = jsonOf<Referrer>(row, "referrer");
  return {
    ...(rest as unknown as Omit<Contact, "id" | "caseId" | "referrer">),
    id: decodeKey(rowKey.slice(CONTACT_PREFIX.length)),
    caseId: partitionKey,
    ...(referrer === undefined ? {} : { referrer }),
  };
}

/**
 * The case row also carries a snapshot of the case's events and contacts (JSON over numbered properties), written
 * in the same transaction as the event rows, so reading a case is one point read. The event rows stay the audit
 * log; a row without a usable snapshot (too long a case, or written before snapshots) is read from its partition.
 */
const SNAPSHOT = "snapshot";

interface CaseSnapshot {
  readonly lastSeq: number;
  readonly events: readonly CaseEvent[];
  readonly contacts: readonly Contact[];
}

/**
 * Azure holds 1 MiB an entity (strings counted as UTF-16; Azurite counts the UTF-8 JSON body) and 252 properties of
 * our own; the headroom covers the request's OData annotations.
 */
const MAX_ENTITY_BYTES = 1024 * 1024 - 16 * 1024;
const MAX_PROPERTIES = 252;

function entityBytes(entity: Entity): number {
  let bytes = 4;
  for (const [name, value] of Object.entries(entity)) {
    if (value === undefined) continue;
    const size =
      typeof value === "string" ? 4 + Math.max(2 * value.length, Buffer.byteLength(JSON.stringify(value))) : 8;
    bytes += 8 + 2 * name.length + size;
  }
  return bytes;
}

const fitsOneEntity = (entity: Entity): boolean =>
  entityBytes(entity) <= MAX_ENTITY_BYTES &&
  Object.values(entity).filter((v) => v !== undefined).length - 2 <= MAX_PROPERTIES;

/** In row-key order, as a scan of the partition gives them. */
export const byRowKey = (contacts: readonly Contact[]): Contact[] =>
  [...contacts].sort((a, b) => (contactKey(a) < contactKey(b) ? -1 : contactKey(a) > contactKey(b) ? 1 : 0));

/** The case row with its snapshot, or without one when the log is not whole (1..lastSeq) or would not fit. */
export function caseRowWithSnapshot(kase: Case, lastSeq: number, contacts: readonly Contact[]): Entity {
  const row = caseRow(kase, lastSeq);
  const events = [...kase.events].sort((a, b) => a.seq - b.seq);
  if (events.length !== lastSeq || events.some((e, i) => e.seq !== i + 1)) return row;
  const snapshot: CaseSnapshot = { lastSeq, events, contacts: byRowKey(contacts) };
  const withSnapshot = { ...row, ...jsonProperties(SNAPSHOT, snapshot) };
  return fitsOneEntity(withSnapshot) ? withSnapshot : row;
}

/** The case from its row alone, or undefined when the row has no snapshot agreeing with its `lastSeq`. */
export function storedCaseOf(row: StoredEntity): StoredCase | undefined {
  let snapshot: CaseSnapshot | undefined;
  try {
    snapshot = jsonOf<CaseSnapshot>(row, SNAPSHOT);
  } catch {
    return undefined;
  }
  const { lastSeq, ...header } = caseHeaderOf(row);
  if (snapshot === undefined || snapshot.lastSeq !== lastSeq || snapshot.events.length !== lastSeq) return undefined;
  return { case: { ...header, events: [...snapshot.events] }, contacts: [...snapshot.contacts], etag: row.etag };
}
