import type { CaseHeader, StoredCase } from "../../ports/cases.js";
import { mayReadCase } from "../access/case-access.js";
import type { AppDeps } from "../app-deps.js";
import { audit, type Door } from "../audit.js";
import { refused, type Refused } from "../outcome.js";
import type { StaffCaller } from "../people.js";
import { byUrgency, readCase, type CaseReading } from "./case-reading.js";
import { clocksNow } from "./clocks-now.js";

/** At most this many cases are answered; `more` says there were others. */
export const MAX_SEARCH_RESULTS = 25;
/**
 * Subjects live with each contact, not on the case row: to match subject words the search reads whole cases, the
 * most recently opened first, up to this many per search (a few months of a centre's contacts).
 */
export const MAX_SUBJECT_READS = 300;
const MIN_TERM_CHARS = 2;

/** Where a search term was found: the case reference, its referrer (name, email, organisation), the family, a subject. */
export type SearchField = "reference" | "referrer" | "family" | "subject";

export interface SearchHit extends CaseReading {
  readonly matchedOn: readonly SearchField[];
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** More cases matched than `MAX_SEARCH_RESULTS`. */
  readonly more: boolean;
}

type SearchDeps = Pick<AppDeps, "cases" | "profile" | "calendar" | "clock" | "audit">;

/** The words of a search, lower case; words shorter than two characters are dropped. */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((term) => term.length >= MIN_TERM_CHARS);
}

/** Initials of each recorded name ("Jo Smith" → "js"), so that a family found by initials only is found. */
const initials = (name: string) =>
  name
    .split(/[\s.-]+/)
    .filter((part) => part !== "")
    .map((part) => part[0])
    .join("")
    .toLowerCase();

function headerFields(header: CaseHeader): Map<SearchField, string> {
  const names = [header.family?.name, ...(header.family?.children ?? [])].filter((n): n is string => Boolean(n));
  const referrer = header.referrer;
  return new Map<SearchField, string>([
    ["reference", header.id.toLowerCase()],
    ["referrer", [referrer?.name, referrer?.email, referrer?.organisation].filter(Boolean).join(" ").toLowerCase()],
    ["family", [...names, ...names.map(initials)].join(" ").toLowerCase().replace(/\./g, "")],
  ]);
}

/** The fields that hold some term, when every term is held by one of them; undefined otherwise. */
function match(fields: ReadonlyMap<SearchField, string>, terms: readonly string[]): SearchField[] | undefined {
  const found = new Set<SearchField>();
  for (const term of terms) {
    // Initials are written "J.O." or "JO": the family's are kept without dots.
    const holds = (field: SearchField, text: string) =>
      text.includes(field === "family" ? term.replace(/\./g, "") : term);
    const where = [...fields].filter(([field, text]) => holds(field, text)).map(([field]) => field);
    if (where.length === 0) return undefined;
    where.forEach((field) => found.add(field));
  }
  return [...found];
}

const subjects = (stored: StoredCase) =>
  stored.contacts
    .map((c) => c.subject ?? "")
    .join(" ")
    .toLowerCase();

/**
 * One search for the tab's box and the bot's `find …`: cases by reference, referrer email or name, family surname or
 * initials where recorded, and subject words, among only the cases the caller needs to know (`mayReadCase`); every
 * word must be found. Answers state and clocks (RAG), most urgent first. Audited with the number found, never the
 * words searched for (they may name a family).
 */
export async function searchCases(
  deps: SearchDeps,
  caller: StaffCaller,
  text: string,
  via: Door,
): Promise<SearchResult | Refused> {
  const terms = searchTerms(text);
  if (terms.length === 0) {
    return refused(
      "SEARCH.TOO_SHORT",
      "Type a case reference, a name, an email address or a word of at least two letters.",
    );
  }
  const readable: CaseHeader[] = [];
  for await (const header of deps.cases.listCaseHeaders()) if (mayReadCase(caller, header)) readable.push(header);
  readable.sort((a, b) => b.openedAt.localeCompare(a.openedAt));

  const found: { id: string; matchedOn: SearchField[]; stored?: StoredCase }[] = [];
  let subjectReads = 0;
  for (const header of readable) {
    if (found.length > MAX_SEARCH_RESULTS) break;
    const fields = headerFields(header);
    const onHeader = match(fields, terms);
    if (onHeader !== undefined) {
      found.push({ id: header.id, matchedOn: onHeader });
      continue;
    }
    if (subjectReads >= MAX_SUBJECT_READS) continue;
    subjectReads++;
    const stored = await deps.cases.findCase(header.id);
    if (stored === undefined) continue;
    const withSubject = match(new Map([...fields, ["subject", subjects(stored)]]), terms);
    if (withSubject !== undefined) found.push({ id: header.id, matchedOn: withSubject, stored });
  }

  const clocks = clocksNow(deps);
  const hits: SearchHit[] = [];
  for (const hit of found.slice(0, MAX_SEARCH_RESULTS)) {
    const stored = hit.stored ?? (await deps.cases.findCase(hit.id));
    if (stored !== undefined) hits.push({ ...readCase(stored, clocks), matchedOn: hit.matchedOn });
  }
  hits.sort(byUrgency);
  await audit(deps, caller, "cases.searched", "cases", via, { results: hits.length });
  return { hits, more: found.length > MAX_SEARCH_RESULTS };
}
