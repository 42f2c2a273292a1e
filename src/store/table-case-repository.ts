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
  CaseAlreadyExistsError,
  CaseNotFoundError,
  caseChangedConcurrently,
  eventsOutOfSequence,
  tooManyChanges,
} from "../ports/cases.js";

/**
 * Case-number counters live in their own partition of `Cases`: one row per year, one per number taken, and one per
 * number kept for a message still being logged.
 */
const COUNTER_PARTITION = "~counters";
const caseNumberKey = (caseId: string): string => `case-number~${caseId}`;
const reservationKey = (reservedFor: string): string => `reserved~${encodeKey(reservedFor)}`;
const MAX_COUNTER_ATTEMPTS = 20;
/** How many cases' contacts `append` remembers between a read and the write that follows it. */
const MAX_KNOWN_CASES = 500;

/** Azure `Cases` table: the case row, its contacts and its append-only event log in one partition. */
export class TableCaseRepository implements CaseRepository {
  readonly #known = new Map<string, { readonly etag: string; readonly contacts: readonly Contact[] }>();
  readonly #counters = new Map<string, StoredEntity>();

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

  nextCaseId(year: number): Promise<string> {
    return this.takeCaseId(year);
  }

  reserveCaseId(year: number, reservedFor: string): Promise<string> {
    return this.takeCaseId(year, reservedFor);
  }

  async releaseCaseId(reservedFor: string): Promise<void> {
    await this.table.delete(COUNTER_PARTITION, reservationKey(reservedFor));
  }

  /**
   * The next number of the year, and with `reservedFor` the row that keeps it for that key, in one transaction: a
   * retry meets its own reservation and answers the number kept. The counter is replaced as this instance last wrote
   * it (read again only after another instance took a number since).
   */
  private async takeCaseId(year: number, reservedFor?: string): Promise<string> {
    const rowKey = `case-id~${year}`;
    for (let attempt = 0; attempt < MAX_COUNTER_ATTEMPTS; attempt++) {
      const current = this.#counters.get(rowKey) ?? (await this.table.get(COUNTER_PARTITION, rowKey));
      this.#counters.delete(rowKey);
      const next = (current === undefined ? 0 : (numberOf(current, "value") ?? 0)) + 1;
      const caseId = `FC-${year}-${String(next).padStart(6, "0")}`;
      const counter = { partitionKey: COUNTER_PARTITION, rowKey, value: next };
      const changes: EntityChange[] = [
        current === undefined
          ? { op: "insert", entity: counter }
          : { op: "replace", entity: counter, etag: current.etag },
        // Azurite has ignored If-Match inside a batch (issue 1233): two takers of one number collide on its row.
        { op: "insert", entity: { partitionKey: COUNTER_PARTITION, rowKey: caseNumberKey(caseId) } },
        ...(reservedFor === undefined
          ? []
          : [
              {
                op: "insert",
                entity: { partitionKey: COUNTER_PARTITION, rowKey: reservationKey(reservedFor), caseId },
              } as const,
            ]),
      ];
      try {
        const etag = (await this.table.transact(changes)).get(rowKey);
        if (etag !== undefined) this.#counters.set(rowKey, { ...counter, etag });
        return caseId;
      } catch (error) {
        if (!isWriteRace(error) && !(error instanceof NotFoundError)) throw error;
        const kept =
          reservedFor === undefined ? undefined : await this.table.get(COUNTER_PARTITION, reservationKey(reservedFor));
        const keptId = kept === undefined ? undefined : stringOf(kept, "caseId");
        if (keptId !== undefined) return keptId;
      }
    }
    throw new ConcurrencyError(`Could not allocate a case number for ${year}: too many at once; try again.`);
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
