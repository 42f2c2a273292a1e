import type { Case } from "../domain/case.js";
import type { CaseEvent } from "../domain/case-events.js";
import type { Contact } from "../domain/contact.js";
import type { CaseHeader, CaseRepository, StoredCase } from "../ports/cases.js";
import {
  CASE_ROW,
  CONTACT_PREFIX,
  EVENT_PREFIX,
  byRowKey,
  caseHeaderOf,
  caseRowWithSnapshot,
  contactOf,
  contactRow,
  eventOf,
  eventRow,
  lastSeqOf,
  storedCaseOf,
} from "./case-rows.js";
import {
  type Entity,
  type EntityChange,
  type EntityTable,
  type StoredEntity,
  MAX_TRANSACTION_CHANGES,
  numberOf,
  scan,
  stringOf,
} from "./entity-table.js";
import { encodeKey } from "./keys.js";
import { AlreadyExistsError, ConcurrencyError, NotFoundError, isWriteRace } from "../ports/errors.js";
import {
  type AllowanceAsked,
  type KeptCaseId,
  CaseAlreadyExistsError,
  CaseNotFoundError,
  caseChangedConcurrently,
  eventsOutOfSequence,
  tooManyChanges,
} from "../ports/cases.js";

/**
 * Case-number counters live in their own partition of `Cases`: one row per year, one per number taken, one per
 * number kept for a message still being logged, and each sender's acknowledgements of the day (a counter too, taken
 * in the same transaction as the number kept, so the intake waits on one write for both).
 */
const COUNTER_PARTITION = "~counters";
const caseNumberKey = (caseId: string): string => `case-number~${caseId}`;
const reservationKey = (reservedFor: string): string => `reserved~${encodeKey(reservedFor)}`;
const ALLOWANCE_PREFIX = "allowance~";
const allowanceKey = ({ day, sender }: AllowanceAsked): string => `${ALLOWANCE_PREFIX}${day}~${encodeKey(sender)}`;
const MAX_COUNTER_ATTEMPTS = 20;
/** How many cases' contacts `append` remembers between a read and the write that follows it. */
const MAX_KNOWN_CASES = 500;
/** How many senders' allowance rows an instance remembers as it last wrote them (a day's busy senders, with room). */
const MAX_KNOWN_ALLOWANCES = 500;

/** Azure `Cases` table: the case row, its contacts and its append-only event log in one partition. */
export class TableCaseRepository implements CaseRepository {
  readonly #known = new Map<string, { readonly etag: string; readonly contacts: readonly Contact[] }>();
  readonly #counters = new Map<string, StoredEntity>();
  readonly #allowances = new Map<string, StoredEntity>();

  constructor(private readonly table: EntityTable) {}

  /** One point read of the case row; its partition is scanned only when the row carries no usable snapshot. */
  async findCase(id: string): Promise<StoredCase | undefined> {
    const row = await this.table.get(id, CASE_ROW);
    if (row === undefined) return undefined;
    const found = storedCaseOf(row) ?? (await this.scanCase(id));
    return found === undefined ? undefined : this.remember(found);
  }

  async getCase(id: string): Promise<StoredCase> {
    const found = await this.findCase(id);
    if (found === undefined) throw new CaseNotFoundError(id);
    return found;
  }

  async create(kase: Case, events: readonly CaseEvent[], contacts: readonly Contact[]): Promise<StoredCase> {
    const changes: EntityChange[] = [
      { op: "insert", entity: caseRowWithSnapshot({ ...kase, events: [...events] }, lastSeqOf(events), contacts) },
      ...events.map((e): EntityChange => ({ op: "insert", entity: eventRow(kase.id, e) })),
      ...contacts.map((c): EntityChange => ({ op: "insert", entity: contactRow(c) })),
    ];
    const etags = await this.commit(kase.id, changes, (error) =>
      error instanceof AlreadyExistsError ? new CaseAlreadyExistsError(kase.id) : error,
    );
    return this.written(kase.id, etags, { ...kase, events: [...events] }, contacts);
  }

  async append(
    caseId: string,
    etag: string,
    nextCase: Case,
    newEvents: readonly CaseEvent[],
    newContacts: readonly Contact[] = [],
  ): Promise<StoredCase> {
    assertContiguous(caseId, newEvents);
    const lastSeq = Math.max(lastSeqOf(nextCase.events), lastSeqOf(newEvents));
    const contacts = [...(await this.contactsAt(caseId, etag)), ...newContacts];
    const kase = { ...nextCase, id: caseId };
    const row = caseRowWithSnapshot(kase, lastSeq, contacts);
    const conflict = (error: unknown): unknown =>
      isWriteRace(error)
        ? caseChangedConcurrently(caseId, error)
        : error instanceof NotFoundError
          ? new CaseNotFoundError(caseId)
          : error;
    let etags: ReadonlyMap<string, string>;
    if (newEvents.length === 0 && newContacts.length === 0) {
      // A lone row update: If-Match is enforced everywhere (Azurite too).
      const written = await this.table.replace(row, etag).catch((error: unknown) => Promise.reject(conflict(error)));
      etags = new Map([[CASE_ROW, written]]);
    } else {
      // Azurite has ignored If-Match inside a batch (issue 1233): the event rows are inserts with seq row keys,
      // so a second writer from the same read collides on `event~<seq>` even there. Azure enforces both.
      etags = await this.commit(
        caseId,
        [
          { op: "replace", entity: row, etag },
          ...newEvents.map((e): EntityChange => ({ op: "insert", entity: eventRow(caseId, e) })),
          ...newContacts.map((c): EntityChange => ({ op: "insert", entity: contactRow(c) })),
        ],
        conflict,
      );
    }
    return this.written(caseId, etags, kase, contacts);
  }

  async rewrite(
    caseId: string,
    etag: string,
    nextCase: Case,
    rewritten: { readonly events: readonly CaseEvent[]; readonly contacts: readonly Contact[] },
    newEvents: readonly CaseEvent[],
  ): Promise<StoredCase> {
    assertContiguous(caseId, newEvents);
    const current = await this.contactsAt(caseId, etag);
    const byId = new Map(rewritten.contacts.map((c) => [c.id, c]));
    const contacts = current.map((c) => byId.get(c.id) ?? c);
    const kase = { ...nextCase, id: caseId };
    const lastSeq = Math.max(lastSeqOf(nextCase.events), lastSeqOf(newEvents));
    const conflict = (error: unknown): unknown =>
      isWriteRace(error)
        ? caseChangedConcurrently(caseId, error)
        : error instanceof NotFoundError
          ? new CaseNotFoundError(caseId)
          : error;
    const etags = await this.commit(
      caseId,
      [
        { op: "replace", entity: caseRowWithSnapshot(kase, lastSeq, contacts), etag },
        // Event rows are otherwise only ever inserted; a new event's insert still collides with a second writer.
        ...rewritten.events.map((e): EntityChange => ({ op: "upsert", entity: eventRow(caseId, e) })),
        ...[...byId.values()].map((c): EntityChange => ({ op: "upsert", entity: contactRow(c) })),
        ...newEvents.map((e): EntityChange => ({ op: "insert", entity: eventRow(caseId, e) })),
      ],
      conflict,
    );
    return this.written(caseId, etags, kase, contacts);
  }

  async deleteCase(caseId: string): Promise<void> {
    const rows: string[] = [];
    for await (const row of scan(this.table, { partitionKey: caseId })) rows.push(row.rowKey);
    const others = rows.filter((rowKey) => rowKey !== CASE_ROW);
    for (let i = 0; i < others.length; i += MAX_TRANSACTION_CHANGES) {
      const batch = others.slice(i, i + MAX_TRANSACTION_CHANGES);
      await this.table.transact(batch.map((rowKey): EntityChange => ({ op: "delete", partitionKey: caseId, rowKey })));
    }
    // The number's guard row names the case too; the counter has moved past it, so it is never taken again.
    await this.table.delete(COUNTER_PARTITION, caseNumberKey(caseId));
    if (rows.includes(CASE_ROW)) await this.table.delete(caseId, CASE_ROW);
    this.#known.delete(caseId);
  }

  async nextCaseId(year: number): Promise<string> {
    return (await this.takeCaseId(year)).caseId;
  }

  reserveCaseId(year: number, reservedFor: string, allowance?: AllowanceAsked): Promise<KeptCaseId> {
    return this.takeCaseId(year, { reservedFor, allowance });
  }

  async releaseCaseId(reservedFor: string): Promise<void> {
    await this.table.delete(COUNTER_PARTITION, reservationKey(reservedFor));
  }

  async forgetAllowancesBefore(londonDate: string): Promise<number> {
    const range = {
      partitionKey: COUNTER_PARTITION,
      rowKeyFrom: ALLOWANCE_PREFIX,
      rowKeyBefore: ALLOWANCE_PREFIX + londonDate,
    };
    const rows: string[] = [];
    for await (const row of scan(this.table, range)) rows.push(row.rowKey);
    for (let i = 0; i < rows.length; i += MAX_TRANSACTION_CHANGES) {
      const batch = rows.slice(i, i + MAX_TRANSACTION_CHANGES);
      await this.table.transact(
        batch.map((rowKey): EntityChange => ({ op: "delete", partitionKey: COUNTER_PARTITION, rowKey })),
      );
    }
    for (const rowKey of rows) this.#allowances.delete(rowKey);
    return rows.length;
  }

  /**
   * The next number of the year in one transaction with the row that keeps it for `reservedFor` and the sender's
   * allowance taken: a retry meets its own reservation and answers the number kept and the allowance as decided. The
   * counter and the allowance are replaced as this instance last wrote them; a sender's first of the day is inserted
   * without a read; either is read again only after the transaction met someone else's write.
   */
  private async takeCaseId(
    year: number,
    kept?: { readonly reservedFor: string; readonly allowance?: AllowanceAsked | undefined },
  ): Promise<KeptCaseId> {
    const rowKey = `case-id~${year}`;
    const allowance = kept?.allowance;
    let allowanceRow = allowance === undefined ? undefined : this.#allowances.get(allowanceKey(allowance));
    for (let attempt = 0; attempt < MAX_COUNTER_ATTEMPTS; attempt++) {
      const current = this.#counters.get(rowKey) ?? (await this.table.get(COUNTER_PARTITION, rowKey));
      this.#counters.delete(rowKey);
      const next = (current === undefined ? 0 : (numberOf(current, "value") ?? 0)) + 1;
      const caseId = `FC-${year}-${String(next).padStart(6, "0")}`;
      const counter = { partitionKey: COUNTER_PARTITION, rowKey, value: next };
      const taking = allowance === undefined ? undefined : takingAllowance(allowance, allowanceRow);
      const changes: EntityChange[] = [
        current === undefined
          ? { op: "insert", entity: counter }
          : { op: "replace", entity: counter, etag: current.etag },
        // Azurite has ignored If-Match inside a batch (issue 1233): two takers of one number collide on its row.
        { op: "insert", entity: { partitionKey: COUNTER_PARTITION, rowKey: caseNumberKey(caseId) } },
        ...(kept === undefined
          ? []
          : [
              {
                op: "insert",
                entity: {
                  partitionKey: COUNTER_PARTITION,
                  rowKey: reservationKey(kept.reservedFor),
                  caseId,
                  ...(taking === undefined ? {} : { allowanceTaken: taking.taken }),
                },
              } as const,
            ]),
        ...(taking?.changes ?? []),
      ];
      try {
        const etags = await this.table.transact(changes);
        this.rememberCounter(rowKey, counter, etags);
        if (taking?.row !== undefined) this.rememberAllowance(taking.row, etags);
        return { caseId, ...(taking === undefined ? {} : { allowanceTaken: taking.taken }) };
      } catch (error) {
        if (!isWriteRace(error) && !(error instanceof NotFoundError)) throw error;
        if (allowance !== undefined) this.#allowances.delete(allowanceKey(allowance));
        if (kept !== undefined) {
          const reservation = await this.table.get(COUNTER_PARTITION, reservationKey(kept.reservedFor));
          if (reservation !== undefined) return this.keptBefore(reservation, allowance);
        }
        allowanceRow = allowance === undefined ? undefined : await this.readAllowance(allowance);
      }
    }
    throw new ConcurrencyError(`Could not allocate a case number for ${year}: too many at once; try again.`);
  }

  /**
   * A number an earlier run kept: with the allowance it took, or (none asked for then: the plan was not to send, or
   * an earlier version kept the number) taking it now, in one transaction with the reservation that records it.
   */
  private async keptBefore(reservation: StoredEntity, allowance: AllowanceAsked | undefined): Promise<KeptCaseId> {
    let current = reservation;
    for (let attempt = 0; attempt < MAX_COUNTER_ATTEMPTS; attempt++) {
      const caseId = stringOf(current, "caseId");
      if (caseId === undefined) break;
      const taken = current["allowanceTaken"];
      if (typeof taken === "boolean") return { caseId, allowanceTaken: taken };
      if (allowance === undefined) return { caseId };
      const taking = takingAllowance(allowance, await this.readAllowance(allowance));
      const { etag, ...entity } = current;
      try {
        const etags = await this.table.transact([
          { op: "replace", entity: { ...entity, allowanceTaken: taking.taken }, etag },
          ...taking.changes,
        ]);
        if (taking.row !== undefined) this.rememberAllowance(taking.row, etags);
        return { caseId, allowanceTaken: taking.taken };
      } catch (error) {
        if (!isWriteRace(error)) throw error;
      }
      const again = await this.table.get(current.partitionKey, current.rowKey);
      if (again === undefined) break;
      current = again;
    }
    throw new ConcurrencyError("A kept case number changed while it was read; try again.");
  }

  private readAllowance(allowance: AllowanceAsked): Promise<StoredEntity | undefined> {
    return this.table.get(COUNTER_PARTITION, allowanceKey(allowance));
  }

  private rememberCounter(rowKey: string, counter: Entity, etags: ReadonlyMap<string, string>): void {
    const etag = etags.get(rowKey);
    if (etag !== undefined) this.#counters.set(rowKey, { ...counter, etag });
  }

  private rememberAllowance(row: Entity, etags: ReadonlyMap<string, string>): void {
    const etag = etags.get(row.rowKey);
    this.#allowances.delete(row.rowKey);
    if (etag === undefined) return;
    this.#allowances.set(row.rowKey, { ...row, etag });
    const oldest = this.#allowances.keys().next();
    if (this.#allowances.size > MAX_KNOWN_ALLOWANCES && oldest.done !== true) this.#allowances.delete(oldest.value);
  }

  async *listCaseHeaders(): AsyncIterable<CaseHeader> {
    for await (const row of scan(this.table, { rowKey: CASE_ROW })) yield caseHeaderOf(row);
  }

  /** The case as just committed, without reading it back (unless the store did not say the case row's ETag). */
  private async written(
    caseId: string,
    etags: ReadonlyMap<string, string>,
    kase: Case,
    contacts: readonly Contact[],
  ): Promise<StoredCase> {
    const etag = etags.get(CASE_ROW);
    if (etag === undefined) return this.getCase(caseId);
    const events = [...kase.events].sort((a, b) => a.seq - b.seq);
    return this.remember({ case: { ...kase, events }, contacts: byRowKey(contacts), etag });
  }

  /** The case's contacts at the version `etag` names: `append` gets only the new ones but rewrites the snapshot. */
  private async contactsAt(caseId: string, etag: string): Promise<readonly Contact[]> {
    const known = this.#known.get(caseId);
    if (known?.etag === etag) return known.contacts;
    const current = await this.findCase(caseId);
    if (current === undefined) throw new CaseNotFoundError(caseId);
    // The write would be refused anyway (If-Match); refusing now keeps a stale snapshot from ever being built.
    if (current.etag !== etag) throw caseChangedConcurrently(caseId);
    return current.contacts;
  }

  /** Notes the case's contacts at this ETag (the newest few hundred cases), so the next `append` need not read. */
  private remember(stored: StoredCase): StoredCase {
    const caseId = stored.case.id;
    this.#known.delete(caseId);
    this.#known.set(caseId, { etag: stored.etag, contacts: stored.contacts });
    if (this.#known.size > MAX_KNOWN_CASES) {
      const oldest = this.#known.keys().next();
      if (oldest.done !== true) this.#known.delete(oldest.value);
    }
    return stored;
  }

  /** A case whose row has no usable snapshot (a long case, or one written before snapshots): its whole partition. */
  private async scanCase(id: string): Promise<StoredCase | undefined> {
    let header: CaseHeader | undefined;
    let etag = "";
    const events: CaseEvent[] = [];
    const contacts: Contact[] = [];
    for await (const row of scan(this.table, { partitionKey: id })) {
      if (row.rowKey === CASE_ROW) {
        header = caseHeaderOf(row);
        etag = row.etag;
      } else if (row.rowKey.startsWith(EVENT_PREFIX)) events.push(eventOf(row));
      else if (row.rowKey.startsWith(CONTACT_PREFIX)) contacts.push(contactOf(row));
    }
    if (header === undefined) return undefined;
    const { lastSeq: _lastSeq, ...kase } = header;
    return { case: { ...kase, events }, contacts, etag };
  }

  private async commit(
    caseId: string,
    changes: readonly EntityChange[],
    translate: (error: unknown) => unknown,
  ): Promise<ReadonlyMap<string, string>> {
    if (changes.length > MAX_TRANSACTION_CHANGES) {
      throw tooManyChanges(caseId, changes.length, MAX_TRANSACTION_CHANGES);
    }
    try {
      return await this.table.transact(changes);
    } catch (error) {
      throw translate(error);
    }
  }
}

/**
 * The allowance as `row` has it (undefined: none taken today, as far as this instance knows): taken if any are left,
 * with the changes that record it. Azurite has ignored If-Match inside a batch (issue 1233): two takers of the same
 * count collide on its own row, as case numbers do.
 */
function takingAllowance(
  allowance: AllowanceAsked,
  row: StoredEntity | undefined,
): { readonly taken: boolean; readonly changes: readonly EntityChange[]; readonly row?: Entity } {
  const count = row === undefined ? 0 : (numberOf(row, "count") ?? 0);
  if (count >= allowance.perDay) return { taken: false, changes: [] };
  const next: Entity = { partitionKey: COUNTER_PARTITION, rowKey: allowanceKey(allowance), count: count + 1 };
  const changes: EntityChange[] =
    row === undefined
      ? [{ op: "insert", entity: next }]
      : [
          { op: "replace", entity: next, etag: row.etag },
          { op: "insert", entity: { partitionKey: COUNTER_PARTITION, rowKey: `${next.rowKey}~${count + 1}` } },
        ];
  return { taken: true, changes, row: next };
}

/** The lifecycle numbers new events; a gap or repeat would corrupt the audit trail, so it is refused. */
function assertContiguous(caseId: string, events: readonly CaseEvent[]): void {
  const first = events[0]?.seq ?? 1;
  if (first < 1 || events.some((event, i) => event.seq !== first + i)) {
    throw eventsOutOfSequence(
      caseId,
      events.map((e) => e.seq),
    );
  }
}
