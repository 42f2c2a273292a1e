import {
  heldOnCase,
  identityText,
  MIN_QUERY_CHARS,
  searchPeople,
  type CaseFile,
  type CaseHeld,
  type PersonIdentity,
  type PersonRole,
} from "../../domain/privacy/people.js";
import type { AppDeps } from "../app-deps.js";
import { audit, type Door } from "../audit.js";
import type { Refused } from "../outcome.js";
import type { StaffCaller } from "../people.js";
import { isDataProtection } from "./data-protection-role.js";
import { notDataProtection, personNotFound, queryTooShort } from "./errors.js";

type SubjectAccessDeps = Pick<AppDeps, "cases" | "audit" | "clock">;

export interface PersonFound {
  /** Opaque to the caller: names the person for the export (`GET /api/people/:personKey/export`). */
  readonly personKey: string;
  readonly name?: string;
  readonly email?: string;
  readonly roles: readonly PersonRole[];
  readonly cases: readonly string[];
}

export interface SubjectAccessExport {
  readonly personKey: string;
  readonly generatedAt: string;
  readonly person: { readonly name?: string; readonly email?: string; readonly searchedFor?: string };
  readonly cases: readonly CaseHeld[];
}

const KINDS = new Set(["email", "name", "text"]);

/** The key is the identity itself, base64url: the API's logs hold route templates, never the path as sent. */
export const personKeyOf = (identity: PersonIdentity): string =>
  Buffer.from(`${identity.kind}:${identity.value}`, "utf8").toString("base64url");

function identityOf(personKey: string): PersonIdentity | undefined {
  const decoded = Buffer.from(personKey, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  const kind = decoded.slice(0, colon);
  const value = decoded.slice(colon + 1);
  if (colon < 0 || !KINDS.has(kind) || value.trim().length < MIN_QUERY_CHARS) return undefined;
  return { kind, value } as PersonIdentity;
}

/** Every case the service holds, in full, oldest reference first: a subject access request reads them all. */
async function everyCase(deps: Pick<AppDeps, "cases">): Promise<CaseFile[]> {
  const ids: string[] = [];
  for await (const header of deps.cases.listCaseHeaders()) ids.push(header.id);
  const files: CaseFile[] = [];
  for (const id of ids.sort()) {
    const stored = await deps.cases.findCase(id);
    if (stored !== undefined) files.push({ case: stored.case, contacts: stored.contacts });
  }
  return files;
}

/**
 * Subject access, step one: the people held whose name, email or phone matches, on a case reference, or named in
 * subjects and notes. The data protection role's alone; audited by how many were found, never by the query.
 */
export async function findPeople(
  deps: SubjectAccessDeps,
  caller: StaffCaller,
  query: string,
  via: Door,
): Promise<{ readonly items: readonly PersonFound[] } | Refused> {
  if (!isDataProtection(caller)) return notDataProtection();
  if (query.trim().length < MIN_QUERY_CHARS) return queryTooShort(MIN_QUERY_CHARS);
  const found = searchPeople(await everyCase(deps), query);
  await audit(deps, caller, "people.searched", "subject-access", via, { results: found.length });
  return {
    items: found.map(({ identity, ...person }) => ({ personKey: personKeyOf(identity), ...person })),
  };
}

/**
 * Subject access, step two: everything held about one person across every case (the contacts they made or that
 * concern them, the notes naming them, their details as recorded) and nothing about anyone else. Audited with the
 * cases exported.
 */
export async function exportPerson(
  deps: SubjectAccessDeps,
  caller: StaffCaller,
  personKey: string,
  via: Door,
): Promise<SubjectAccessExport | Refused> {
  if (!isDataProtection(caller)) return notDataProtection();
  const identity = identityOf(personKey);
  if (identity === undefined) return personNotFound();
  const files = await everyCase(deps);
  const cases = files.flatMap((file) => heldOnCase(file, identity) ?? []);
  if (cases.length === 0) return personNotFound();
  const named = searchPeople(files, identity.value).find((p) => identityText(p.identity) === identityText(identity));
  await audit(deps, caller, "people.exported", "subject-access", via, { cases: cases.map((c) => c.caseId) });
  return {
    personKey,
    generatedAt: deps.clock.now().toISOString(),
    person: {
      ...(named?.name === undefined ? {} : { name: named.name }),
      ...(named?.email === undefined ? {} : { email: named.email }),
      ...(identity.kind === "text" ? { searchedFor: identity.value } : {}),
    },
    cases,
  };
}
