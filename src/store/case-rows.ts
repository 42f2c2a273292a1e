import type { Actor } from "../domain/actor.js";
import type { Case, CaseState } from "../domain/case.js";
import type { CaseEvent } from "../domain/case-events.js";
import type { Contact, ContactKind, Referrer } from "../domain/contact.js";
import type { CaseHeader } from "../ports.js";
import { type Entity, jsonOf, jsonOrUndefined, numberOf, stringOf } from "./entity-table.js";
import { decodeKey, encodeKey, eventRowKey } from "./keys.js";

/** Row keys of the `Cases` partition of one case. */
export const CASE_ROW = "case";
export const CONTACT_PREFIX = "contact~";
export const EVENT_PREFIX = "event~";

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
  const { id, caseId, referrer, ...rest } = contact;
  return {
    partitionKey: caseId,
    rowKey: `${CONTACT_PREFIX}${encodeKey(id)}`,
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
