import type { Case } from "../case.js";
import type { CaseEvent } from "../case-events.js";
import type { Contact, Referrer } from "../contact.js";

/**
 * Subject access (UK GDPR art. 15): the people a case names, how to find them and what the service holds about
 * each. Pure: the app reads the cases and gives them here.
 */

/** Who a person is to us: an email address (a referrer), a name (a referrer, a family, a child), or a text found. */
export type PersonIdentity =
  | { readonly kind: "email"; readonly value: string }
  | { readonly kind: "name"; readonly value: string }
  | { readonly kind: "text"; readonly value: string };

export type PersonRole = "referrer" | "family" | "child" | "mentioned";

export interface CaseFile {
  readonly case: Case;
  readonly contacts: readonly Contact[];
}

export interface PersonMatch {
  readonly identity: PersonIdentity;
  readonly name?: string;
  readonly email?: string;
  readonly roles: readonly PersonRole[];
  readonly cases: readonly string[];
}

export const MIN_QUERY_CHARS = 3;
const CASE_REFERENCE = /^FC-\d{4}-\d{6}$/i;
const PHONE = /^[+\d][\d\s()-]{5,}$/;

const normalised = (text: string): string => text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
const digits = (text: string): string => text.replace(/\D/gu, "");

/** Whether `text` mentions `needle`: as written (any case, any spacing), or digit for digit for a phone number. */
export function mentions(text: string, needle: string): boolean {
  if (PHONE.test(needle.trim()) && digits(needle).length >= 6) return digits(text).includes(digits(needle));
  return normalised(text).includes(normalised(needle));
}

/** The identity a key is made from: its kind and its value as compared. */
export const identityText = (identity: PersonIdentity): string =>
  `${identity.kind}:${identity.kind === "text" && PHONE.test(identity.value) ? digits(identity.value) : normalised(identity.value)}`;

interface Named {
  readonly identity: PersonIdentity;
  readonly name?: string;
  readonly email?: string;
  readonly role: PersonRole;
}

function referrerPerson(referrer: Omit<Referrer, "confirmed"> | undefined): Named[] {
  if (referrer === undefined) return [];
  const email = referrer.email?.trim();
  const name = referrer.name?.trim();
  if (email) return [{ identity: { kind: "email", value: email }, email, ...(name ? { name } : {}), role: "referrer" }];
  return name ? [{ identity: { kind: "name", value: name }, name, role: "referrer" }] : [];
}

/** Everyone a case names in its structured fields: its referrers (case, contacts, confirmations), family and children. */
export function peopleOnCase(file: CaseFile): Named[] {
  const { case: kase, contacts } = file;
  const family = kase.family?.name?.trim();
  const found: Named[] = [
    ...referrerPerson(kase.referrer),
    ...contacts.flatMap((c) => referrerPerson(c.referrer)),
    ...kase.events.flatMap((e) => (e.type === "referrer.confirmed" ? referrerPerson(e.data.referrer) : [])),
    ...(family ? [{ identity: { kind: "name", value: family } as const, name: family, role: "family" as const }] : []),
    ...(kase.family?.children ?? [])
      .map((child) => child.trim())
      .filter((child) => child !== "")
      .map((child) => ({ identity: { kind: "name", value: child } as const, name: child, role: "child" as const })),
  ];
  const byKey = new Map<string, Named>();
  for (const person of found) {
    const key = identityText(person.identity);
    const known = byKey.get(key);
    byKey.set(key, known === undefined ? person : { ...known, ...person, name: known.name ?? person.name });
  }
  return [...byKey.values()];
}

/** Every string a value holds (event data, a payload), depth first. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The free text of an event (notes, reasons, summaries, why): what a person may be mentioned in. */
export const eventTexts = (event: CaseEvent): string[] =>
  [...(event.why === undefined ? [] : [event.why]), ...stringsIn(event.data)].filter((t) => /\s/u.test(t.trim()));

const textsOfCase = (file: CaseFile): string[] => [
  ...file.contacts.flatMap((c) => (c.subject === undefined ? [] : [c.subject])),
  ...file.case.events.flatMap(eventTexts),
];

/**
 * The people a query finds: by name or email (part of either), by a case reference (everyone that case names), or
 * by a text (a phone number, a name) found in subjects and notes, which is then the person searched for.
 */
export function searchPeople(files: readonly CaseFile[], query: string): PersonMatch[] {
  const q = query.trim();
  const found = new Map<string, { named: Named; roles: Set<PersonRole>; cases: Set<string> }>();
  const add = (named: Named, caseId: string) => {
    const key = identityText(named.identity);
    const entry = found.get(key) ?? { named, roles: new Set<PersonRole>(), cases: new Set<string>() };
    entry.roles.add(named.role);
    entry.cases.add(caseId);
    found.set(key, entry);
  };
  for (const file of files) {
    const byReference = CASE_REFERENCE.test(q) && file.case.id.toUpperCase() === q.toUpperCase();
    const people = peopleOnCase(file);
    const matching = people.filter(
      (p) => byReference || [p.name, p.email].some((field) => field !== undefined && mentions(field, q)),
    );
    for (const person of matching) add(person, file.case.id);
    if (!byReference && matching.length === 0 && textsOfCase(file).some((text) => mentions(text, q))) {
      add({ identity: { kind: "text", value: q }, role: "mentioned" }, file.case.id);
    }
  }
  return [...found.values()].map(({ named, roles, cases }) => ({
    identity: named.identity,
    ...(named.name === undefined ? {} : { name: named.name }),
    ...(named.email === undefined ? {} : { email: named.email }),
    roles: [...roles],
    cases: [...cases].sort(),
  }));
}

/** One contact as a subject access export gives it: the subject only when it names the person. */
export interface ContactHeld {
  readonly contactId: string;
  readonly receivedAt: string;
  readonly kind: string;
  readonly channel: string;
  readonly subject?: string;
  readonly referrer?: Omit<Referrer, "confirmed">;
}

/** A note or other free text of the case's log that names the person: only the texts that do. */
export interface NoteHeld {
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly texts: readonly string[];
}

export interface CaseHeld {
  readonly caseId: string;
  readonly roles: readonly PersonRole[];
  readonly state: string;
  readonly openedAt: string;
  readonly closedAt?: string;
  readonly contacts: readonly ContactHeld[];
  readonly notes: readonly NoteHeld[];
}

/** Whether a person (by identity) is this structured record (a referrer, a family member). */
const isThem = (identity: PersonIdentity, named: Named): boolean =>
  identityText(identity) === identityText(named.identity);

const referrerIs = (identity: PersonIdentity, referrer: Omit<Referrer, "confirmed"> | undefined): boolean =>
  referrerPerson(referrer).some((p) => isThem(identity, p));

const needleOf = (identity: PersonIdentity): string => identity.value;

/**
 * Everything a case holds about one person and nothing about anyone else: the contacts they made (or, for a family
 * member, the case's contacts), each subject only where it names them; the free texts of the log that name them;
 * their referrer details as recorded. Undefined when the case holds nothing about them.
 */
export function heldOnCase(file: CaseFile, identity: PersonIdentity): CaseHeld | undefined {
  const { case: kase, contacts } = file;
  const needle = needleOf(identity);
  const roles = new Set(
    peopleOnCase(file)
      .filter((p) => isThem(identity, p))
      .map((p) => p.role),
  );
  const familyMember = roles.has("family") || roles.has("child");
  const contactsHeld = contacts.flatMap((contact): ContactHeld[] => {
    const referred = referrerIs(identity, contact.referrer);
    const named = contact.subject !== undefined && mentions(contact.subject, needle);
    if (!referred && !named && !familyMember) return [];
    return [
      {
        contactId: contact.id,
        receivedAt: contact.receivedAt,
        kind: contact.kind,
        channel: contact.channel,
        ...(named && contact.subject !== undefined ? { subject: contact.subject } : {}),
        ...(referred && contact.referrer ? { referrer: withoutConfirmed(contact.referrer) } : {}),
      },
    ];
  });
  const notes = kase.events.flatMap((event): NoteHeld[] => {
    const texts = eventTexts(event).filter((text) => mentions(text, needle));
    const confirmed = event.type === "referrer.confirmed" && referrerIs(identity, event.data.referrer);
    if (confirmed) texts.push(describeReferrer(event.data.referrer));
    return texts.length === 0 ? [] : [{ seq: event.seq, type: event.type, at: event.at, texts }];
  });
  if (roles.size === 0 && contactsHeld.length === 0 && notes.length === 0) return undefined;
  return {
    caseId: kase.id,
    roles: roles.size === 0 ? ["mentioned"] : [...roles],
    state: kase.state,
    openedAt: kase.openedAt,
    ...(kase.closedAt === undefined ? {} : { closedAt: kase.closedAt }),
    contacts: contactsHeld,
    notes,
  };
}

function withoutConfirmed(referrer: Referrer): Omit<Referrer, "confirmed"> {
  const { confirmed: _confirmed, ...rest } = referrer;
  return rest;
}

const describeReferrer = (referrer: Referrer): string =>
  `Confirmed as referrer: ${[referrer.name, referrer.email, referrer.organisation].filter(Boolean).join(", ")}`;
