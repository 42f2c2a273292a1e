import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Case } from "../../../src/domain/case.js";
import type { CaseEvent } from "../../../src/domain/case-events.js";
import type { Contact } from "../../../src/domain/contact.js";
import type { PeopleSearchResponse, SubjectAccessExport } from "../../../src/api/contract.js";
import { aCase, contactOf, nextEvent } from "../store/case-builder.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

let h: ApiHarness;
beforeEach(async () => {
  h = await startApiHarness({ now: "2026-12-10T10:00:00Z" });
  await h.app.store.staff.put(DPO.id, DPO);
  await save(nowakCase(), [nowakContact]);
  await save(bloggsCase(), [bloggsContact]);
});
afterEach(() => h.close());

const DPO = {
  id: "dpo-1",
  displayName: "Dee Protection",
  email: "dpo@fc.example",
  roles: ["data-protection"],
} as const;
const AMY = { name: "Amy Patel", email: "amy.patel@nhs.example", organisation: "Riverside Surgery", confirmed: true };

function withNotes(kase: Case, notes: readonly string[]): Case {
  let next = kase;
  for (const note of notes) {
    const event: CaseEvent = nextEvent(next, {
      type: "case-note.recorded",
      at: "2026-12-02T10:00:00.000Z",
      data: { noteType: "case-note", note },
    });
    next = { ...next, events: [...next.events, event] };
  }
  return next;
}

/** The Nowaks: Tomasz, referred by Amy; one note names Tomasz, one names Maisie Bloggs (someone else's child). */
const nowakCase = () =>
  withNotes(
    aCase("FC-2026-000101")
      .with({ family: { name: "Nowak family", children: ["Tomasz Nowak"] }, referrer: AMY })
      .build(),
    [
      "Home visit: Tomasz Nowak seen with his mother; call 07700 900123.",
      "Maisie Bloggs's school also raised a concern about the estate.",
      "Housing officer to be contacted.",
    ],
  );
const nowakContact: Contact = {
  ...contactOf(aCase("FC-2026-000101").build()),
  subject: "Request for support: Tomasz Nowak",
  referrer: AMY,
};
/** The Bloggses: Maisie, also referred by Amy; a note names Maisie only. */
const bloggsCase = () =>
  withNotes(
    aCase("FC-2026-000102")
      .with({ family: { name: "Bloggs family", children: ["Maisie Bloggs"] }, referrer: AMY })
      .build(),
    ["Maisie Bloggs attended the group session."],
  );
const bloggsContact: Contact = {
  ...contactOf(aCase("FC-2026-000102").build()),
  subject: "EHA for Maisie Bloggs",
  referrer: AMY,
};

async function save(kase: Case, contacts: readonly Contact[]) {
  await h.app.deps.cases.create(kase, kase.events, contacts);
}

async function search(query: string, who = DPO.id): Promise<PeopleSearchResponse> {
  const response = await h.call(who, `/api/people?query=${encodeURIComponent(query)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as PeopleSearchResponse;
}

async function exported(personKey: string, format = ""): Promise<Response> {
  return h.call(DPO.id, `/api/people/${personKey}/export${format}`);
}

describe("subject access (issue 16, item 2)", () => {
  it("finds a person by name, email, phone or case reference across cases, contacts and notes", async () => {
    expect((await search("tomasz")).items).toMatchObject([{ name: "Tomasz Nowak", cases: ["FC-2026-000101"] }]);
    expect((await search("amy.patel@nhs.example")).items).toMatchObject([
      { name: "Amy Patel", email: "amy.patel@nhs.example", cases: ["FC-2026-000101", "FC-2026-000102"] },
    ]);
    expect((await search("07700900123")).items).toMatchObject([{ roles: ["mentioned"], cases: ["FC-2026-000101"] }]);
    const onCase = (await search("FC-2026-000102")).items.map((p) => p.name).sort();
    expect(onCase).toEqual(["Amy Patel", "Bloggs family", "Maisie Bloggs"]);
  });

  it("exports every contact and note about a child, and nothing about anyone else", async () => {
    const [tomasz] = (await search("Tomasz Nowak")).items;
    const response = await exported(tomasz?.personKey ?? "");
    expect(response.status).toBe(200);
    const data = (await response.json()) as SubjectAccessExport;
    expect(data.cases.map((c) => c.caseId)).toEqual(["FC-2026-000101"]);
    const [held] = data.cases;
    expect(held?.contacts).toEqual([
      expect.objectContaining({ contactId: "c1", subject: "Request for support: Tomasz Nowak" }),
    ]);
    expect(held?.notes.flatMap((n) => n.texts)).toEqual([
      "Home visit: Tomasz Nowak seen with his mother; call 07700 900123.",
    ]);
    const json = JSON.stringify(data);
    for (const other of ["Maisie", "Bloggs", "FC-2026-000102", "Amy Patel", "Housing officer"])
      expect(json).not.toContain(other);
  });

  it("exports every referral a referrer made, without the children those referrals name", async () => {
    const [amy] = (await search("Amy Patel")).items;
    const data = (await (await exported(amy?.personKey ?? "")).json()) as SubjectAccessExport;
    expect(data.person).toEqual({ name: "Amy Patel", email: "amy.patel@nhs.example" });
    expect(data.cases.map((c) => [c.caseId, c.contacts.map((x) => x.referrer?.email)])).toEqual([
      ["FC-2026-000101", ["amy.patel@nhs.example"]],
      ["FC-2026-000102", ["amy.patel@nhs.example"]],
    ]);
    const json = JSON.stringify(data);
    for (const other of ["Tomasz", "Maisie", "Nowak", "Bloggs"]) expect(json).not.toContain(other);
  });

  it("gives the same export as a readable HTML page, with what it holds escaped", async () => {
    const [tomasz] = (await search("Tomasz Nowak")).items;
    const response = await exported(tomasz?.personKey ?? "", "?format=html");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("What the Family Centre holds about Tomasz Nowak");
    expect(html).toContain("Case FC-2026-000101");
    expect(html).toContain("Home visit: Tomasz Nowak seen with his mother");
    expect(html).not.toContain("Maisie");
  });

  it("is for the data protection role only, and every search and export is audited without the query", async () => {
    for (const who of ["manager-1", "admin-1", "duty-1"]) {
      expect((await h.call(who, "/api/people?query=Tomasz")).status).toBe(403);
    }
    const [tomasz] = (await search("Tomasz Nowak")).items;
    expect((await h.call("manager-1", `/api/people/${tomasz?.personKey ?? ""}/export`)).status).toBe(403);
    await exported(tomasz?.personKey ?? "");
    const audit = (await h.app.deps.audit.read({ from: "2026-01-01", to: "2026-12-31" })).map((event) =>
      JSON.stringify(event),
    );
    expect(audit.filter((row) => row.includes("people.searched"))).toHaveLength(1);
    expect(audit.filter((row) => row.includes("people.exported") && row.includes("FC-2026-000101"))).toHaveLength(1);
    expect(audit.join("\n")).not.toContain("Tomasz");
  });

  it("answers 404 for a person key that names nobody held", async () => {
    const nobody = Buffer.from("name:Nobody Held", "utf8").toString("base64url");
    expect((await exported(nobody)).status).toBe(404);
  });
});
