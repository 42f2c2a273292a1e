import { describe, expect, it } from "vitest";
import { linkContact } from "../../../src/app/link-contact.js";
import { letterKey } from "../../../src/app/mail-keys.js";
import { markNotAContact } from "../../../src/app/mark-not-a-contact.js";
import type { CaseRepository } from "../../../src/ports/cases.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { memoryApp, saved, staff } from "./memory-app.js";
import { expectStatus } from "../../support/outcomes.js";

const WRONG = "FC-2026-000200";
const EXISTING = "FC-2026-000150";
const CONTACT = `${WRONG}-contact-1`;
const ACK = letterKey(WRONG, "acknowledgement", CONTACT);
const dana = staff("staff-dana", "duty-worker");
const sam = staff("staff-sam", "manager");

/** A contact logged Monday 12 January 2026 as a new case, its acknowledgement queued; case 150 already held. */
async function setUp(ack: { held?: boolean } | "none" = {}) {
  const deps = memoryApp("2026-01-12T10:15:00Z");
  await saved(deps, aCase().withId(EXISTING).receivedAt("2026-01-05T09:00:00Z").screenedAs("maam").build());
  const contact = await saved(deps, aCase().withId(WRONG).receivedAt("2026-01-12T09:00:00Z").build());
  if (ack !== "none") {
    await deps.outbox.enqueue(
      { caseId: WRONG, key: ACK, channel: "email", purpose: "acknowledgement", payload: {}, ...ack },
      deps.clock.now(),
    );
  }
  return { deps, contact };
}

const eventsOf = async (deps: ReturnType<typeof memoryApp>, caseId: string, type: string) =>
  (await deps.cases.getCase(caseId)).case.events.filter((e) => e.type === type);

describe("duty triage links a contact to the case it was about", () => {
  it("moves the contact, closes the case opened in error and takes it off the screening list", async () => {
    const { deps, contact } = await setUp();
    const result = expectStatus(await linkContact(deps, WRONG, dana, { toCaseId: EXISTING }), "recorded");

    expect(result).toMatchObject({
      status: "recorded",
      decision: { type: "case.linked", by: { id: "staff-dana" }, data: { toCaseId: EXISTING } },
    });
    expect(result.case.state).toBe("closed");
    const target = await deps.cases.getCase(EXISTING);
    expect(target.case.events.at(-1)).toMatchObject({
      type: "contact.linked",
      data: { contactId: CONTACT, fromCaseId: WRONG },
    });
    expect(target.contacts.find((c) => c.id === CONTACT)).toEqual({ ...contact, caseId: EXISTING, isFollowUp: true });
    const screening = await deps.worklists.list("awaiting-screening");
    expect(screening.items.map((i) => i.caseId)).not.toContain(WRONG);
    const due = await deps.deadlines.dueBetween(new Date("2026-01-01T00:00:00Z"), new Date("2026-03-01T00:00:00Z"));
    expect(due.filter((d) => d.caseId === WRONG)).toEqual([]);
  });

  it("cancels the acknowledgement of the case opened in error when it has not gone, so none is duplicated", async () => {
    const { deps } = await setUp();
    const result = expectStatus(await linkContact(deps, WRONG, dana, { toCaseId: EXISTING }), "recorded");
    expect(result.acknowledgements).toEqual({ [CONTACT]: "cancelled" });
    expect(await deps.outbox.get(WRONG, ACK)).toMatchObject({ state: "failed" });
    expect(await deps.outbox.listPending(10)).toEqual([]);
  });

  it("leaves an acknowledgement already handed to Exchange alone: it may be on its way", async () => {
    const { deps } = await setUp();
    const queued = await deps.outbox.get(WRONG, ACK);
    if (queued === undefined) throw new Error("the acknowledgement was not queued");
    await deps.outbox.transition(queued, { to: "drafted", draftId: "draft-1" }, deps.clock.now());
    const result = expectStatus(await linkContact(deps, WRONG, dana, { toCaseId: EXISTING }), "recorded");
    expect(result.acknowledgements).toEqual({ [CONTACT]: "may-be-sent" });
    expect(await deps.outbox.get(WRONG, ACK)).toMatchObject({ state: "drafted" });
  });

  it("says an acknowledgement that already went was sent, and changes nothing about it", async () => {
    const { deps } = await setUp();
    const queued = await deps.outbox.get(WRONG, ACK);
    if (queued === undefined) throw new Error("the acknowledgement was not queued");
    await deps.outbox.transition(queued, { to: "sent", sentItemId: "sent-1" }, deps.clock.now());
    const result = expectStatus(await markNotAContact(deps, WRONG, dana, { reason: "general-enquiry" }), "recorded");
    expect(result.acknowledgements).toEqual({ [CONTACT]: "already-sent" });
    expect(await deps.outbox.get(WRONG, ACK)).toMatchObject({ state: "sent", sentItemId: "sent-1" });
  });

  it("keeps an acknowledgement not yet queued from ever being queued (an intake retried after a crash)", async () => {
    const { deps } = await setUp("none");
    await linkContact(deps, WRONG, dana, { toCaseId: EXISTING });
    const late = await deps.outbox.enqueue(
      { caseId: WRONG, key: ACK, channel: "email", purpose: "acknowledgement", payload: {} },
      deps.clock.now(),
    );
    expect(late).toMatchObject({ enqueued: false, item: { state: "failed" } });
  });

  it("records a second identical click once and answers with who decided", async () => {
    const { deps } = await setUp();
    await linkContact(deps, WRONG, dana, { toCaseId: EXISTING });
    const again = await linkContact(deps, WRONG, sam, { toCaseId: EXISTING });
    expect(again).toMatchObject({ status: "already-decided", decision: { by: { id: "staff-dana" } } });
    expect(await eventsOf(deps, WRONG, "case.linked")).toHaveLength(1);
    expect(await eventsOf(deps, EXISTING, "contact.linked")).toHaveLength(1);
  });

  it("gives one decision when two people click at once", async () => {
    const { deps } = await setUp();
    const results = await Promise.all([
      linkContact(deps, WRONG, dana, { toCaseId: EXISTING }),
      markNotAContact(deps, WRONG, sam, { reason: "duplicate" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["already-decided", "recorded"]);
    const [first, second] = results.map((r) => (r.status === "refused" ? undefined : r.decision));
    expect(first).toBeDefined();
    expect(first).toEqual(second);
    const { case: kase } = await deps.cases.getCase(WRONG);
    expect(kase.events.filter((e) => e.type === "case.linked" || e.type === "case.marked-not-a-contact")).toHaveLength(
      1,
    );
  });

  it("finishes the link on a retry after a crash between closing the case and logging the contact", async () => {
    const { deps } = await setUp();
    const crashing: CaseRepository = {
      ...deps.cases,
      findCase: (id) => deps.cases.findCase(id),
      getCase: (id) => deps.cases.getCase(id),
      append: (caseId, ...rest) =>
        caseId === EXISTING ? Promise.reject(new Error("the service stopped")) : deps.cases.append(caseId, ...rest),
    };
    await expect(linkContact({ ...deps, cases: crashing }, WRONG, dana, { toCaseId: EXISTING })).rejects.toThrow(
      "the service stopped",
    );
    expect(await eventsOf(deps, EXISTING, "contact.linked")).toEqual([]);

    const retried = await linkContact(deps, WRONG, dana, { toCaseId: EXISTING });
    expect(retried.status).toBe("already-decided");
    expect(await eventsOf(deps, EXISTING, "contact.linked")).toHaveLength(1);
    expect(await deps.outbox.get(WRONG, ACK)).toMatchObject({ state: "failed" });
  });

  it("refuses a closed case or one that does not exist, and records nothing", async () => {
    const { deps } = await setUp();
    await saved(deps, aCase().withId("FC-2026-000099").screenedAs("signpost").build());
    expect(await linkContact(deps, WRONG, dana, { toCaseId: "FC-2026-000099" })).toMatchObject({
      status: "refused",
      code: "CASE.TRANSITION_NOT_ALLOWED",
      message: expect.stringContaining("Case FC-2026-000099 is closed"),
    });
    expect(await linkContact(deps, WRONG, dana, { toCaseId: "FC-2026-000404" })).toMatchObject({
      status: "refused",
      code: "STORE.NOT_FOUND",
      message: expect.stringContaining("FC-2026-000404"),
    });
    expect((await deps.cases.getCase(WRONG)).case.state).toBe("awaiting-screening");
    expect(await deps.outbox.get(WRONG, ACK)).toMatchObject({ state: "pending" });
  });

  it("refuses a practitioner", async () => {
    const { deps } = await setUp();
    expect(await linkContact(deps, WRONG, staff("staff-pat", "practitioner"), { toCaseId: EXISTING })).toMatchObject({
      status: "refused",
      code: "CASE.FORBIDDEN",
    });
    expect(await eventsOf(deps, WRONG, "case.linked")).toEqual([]);
  });
});

describe("duty triage marks a contact as not a contact", () => {
  it("closes the case with the reason, cancels a held acknowledgement and sends no letters", async () => {
    const { deps } = await setUp({ held: true });
    const result = await markNotAContact(deps, WRONG, dana, { reason: "spam" });
    expect(result).toMatchObject({
      status: "recorded",
      case: { state: "closed" },
      decision: { type: "case.marked-not-a-contact", data: { reason: "spam" } },
      acknowledgements: { [CONTACT]: "cancelled" },
    });
    expect(await deps.outbox.get(WRONG, ACK)).toMatchObject({ state: "failed" });
    expect(await deps.outbox.listPending(10)).toEqual([]);
  });

  it("is refused once screening has decided, naming the state", async () => {
    const deps = memoryApp("2026-01-12T10:15:00Z");
    await saved(deps, aCase().withId(WRONG).screenedAs("maam").build());
    expect(await markNotAContact(deps, WRONG, dana, { reason: "duplicate" })).toMatchObject({
      status: "refused",
      code: "CASE.TRANSITION_NOT_ALLOWED",
      message: expect.stringContaining(`Case ${WRONG} is awaiting MAAM`),
    });
  });
});
