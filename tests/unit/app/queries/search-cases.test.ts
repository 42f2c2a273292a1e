import { describe, expect, it } from "vitest";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { isRefused, type Refused } from "../../../../src/app/outcome.js";
import type { StaffCaller } from "../../../../src/app/people.js";
import { searchCases, searchTerms, type SearchResult } from "../../../../src/app/queries/search-cases.js";
import type { StaffRole } from "../../../../src/domain/staff.js";
import { memoryApp, saved } from "../memory-app.js";

const NOW = "2026-11-10T09:00:00Z";
const caller = (staffId: string, ...roles: StaffRole[]): StaffCaller => ({
  staffId,
  actor: { kind: "staff", id: staffId, displayName: staffId },
  roles,
});
const DUTY = caller("duty-1", "duty-worker");

async function centre() {
  const deps = memoryApp(NOW);
  const school = aCase()
    .withId("FC-2026-000701")
    .receivedAt("2026-11-09T10:00:00Z")
    .referredBy({ name: "Sam Patel", email: "sam.patel@school.example", confirmed: true })
    .build();
  await saved(deps, { ...school, family: { name: "Jo Okafor", children: ["Ada Okafor"] } });
  const allocated = aCase()
    .withId("FC-2026-000702")
    .receivedAt("2026-11-02T10:00:00Z")
    .allocatedOn("2026-11-02T10:00:00Z", "w-jo")
    .build();
  await saved(deps, allocated);
  const byEmail = aCase().withId("FC-2026-000703").receivedAt("2026-11-09T11:00:00Z").build();
  await deps.cases.create(byEmail, byEmail.events, [
    {
      id: "c-703",
      caseId: byEmail.id,
      kind: byEmail.kind,
      receivedAt: byEmail.openedAt,
      channel: "mailbox",
      subject: "Request for support: housing worries",
      isFollowUp: false,
    },
  ]);
  return deps;
}

const ids = (result: SearchResult | Refused) =>
  isRefused(result) ? [] : result.hits.map((h) => [h.stored.case.id, h.matchedOn.join("+")]);

describe("searching cases, as the tab's box and the bot's `find` both do", () => {
  it("finds a case by its reference, whole or by its number", async () => {
    const deps = await centre();
    expect(ids(await searchCases(deps, DUTY, "FC-2026-000702", "api"))).toEqual([["FC-2026-000702", "reference"]]);
    expect(ids(await searchCases(deps, DUTY, "000702", "bot"))).toEqual([["FC-2026-000702", "reference"]]);
  });

  it("finds a case by its referrer's email or name, and by the family's surname or initials", async () => {
    const deps = await centre();
    const one = [["FC-2026-000701", "referrer"]];
    expect(ids(await searchCases(deps, DUTY, "sam.patel@school.example", "api"))).toEqual(one);
    expect(ids(await searchCases(deps, DUTY, "Patel", "api"))).toEqual(one);
    expect(ids(await searchCases(deps, DUTY, "okafor", "api"))).toEqual([["FC-2026-000701", "family"]]);
    expect(ids(await searchCases(deps, DUTY, "J.O.", "api"))).toEqual([["FC-2026-000701", "family"]]);
  });

  it("finds a case by the words of a contact's subject; every word must be found", async () => {
    const deps = await centre();
    expect(ids(await searchCases(deps, DUTY, "housing worries", "api"))).toEqual([["FC-2026-000703", "subject"]]);
    expect(ids(await searchCases(deps, DUTY, "housing Patel", "api"))).toEqual([]);
  });

  it("answers with each case's state and RAG, most urgent first", async () => {
    const deps = await centre();
    const result = await searchCases(deps, DUTY, "FC-2026", "api");
    if (isRefused(result)) throw new Error(result.message);
    expect(result.hits.map((h) => h.rag)[0]).toBe("red");
    expect(result.hits.map((h) => h.stored.case.state)).toContain("allocated");
  });

  it("searches only the cases the caller needs to know: a practitioner finds their own, not another's", async () => {
    const deps = await centre();
    expect(ids(await searchCases(deps, caller("w-jo", "practitioner"), "FC-2026", "api"))).toEqual([
      ["FC-2026-000702", "reference"],
    ]);
    expect(ids(await searchCases(deps, caller("w-kim", "practitioner"), "Patel", "api"))).toEqual([]);
  });

  it("refuses a search with no word of two characters, and audits each search by its count, never its words", async () => {
    const deps = await centre();
    const refusedSearch = await searchCases(deps, DUTY, " a ", "api");
    expect(isRefused(refusedSearch) && refusedSearch.code).toBe("SEARCH.TOO_SHORT");
    expect(searchTerms("  Okafor, J.  ")).toEqual(["okafor"]);
    const appended: unknown[] = [];
    const audited = {
      ...deps,
      audit: { append: async (event: unknown) => void appended.push(event), read: deps.audit.read.bind(deps.audit) },
    };
    await searchCases(audited, DUTY, "Okafor", "bot");
    expect(appended).toEqual([
      expect.objectContaining({ action: "cases.searched", detail: { results: 1 }, via: "bot" }),
    ]);
    expect(JSON.stringify(appended)).not.toContain("Okafor");
  });
});
