import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findPeople } from "../../../src/app/data-protection/subject-access.js";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { markNotAContact } from "../../../src/app/mark-not-a-contact.js";
import { readCentreSettings, updateCentreSettings } from "../../../src/app/settings/centre-settings.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { deliverTeamsOutbox } from "../../../src/jobs/deliver-teams-outbox.js";
import { nightlyRetention } from "../../../src/jobs/nightly-retention.js";
import type { TeamsNotifier } from "../../../src/ports/teams.js";
import { TABLE_NAMES, type TableName } from "../../../src/store/store.js";
import { allCases, staffActor } from "../app/app-assertions.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

let h: ApiHarness;
let expired: string;
let held: string;
beforeEach(async () => {
  h = await startApiHarness({ now: "2026-01-12T09:41:17Z" });
  await h.app.deliverFixture("eha-school-nurse.eml");
  await h.app.deliverFixture("front-door-plain-fields.eml");
  await syncInbox(h.app.deps, "test");
  await deliverOutbox(h.app.deps);
  const cases = await allCases(h.app);
  const byReferrer = (email: string) => cases.find((c) => JSON.stringify(c.contacts).includes(email))?.case.id ?? "";
  expired = byReferrer("priya.raman@nhs.example");
  held = cases.map((c) => c.case.id).find((id) => id !== expired) ?? "";
  for (const id of [expired, held]) {
    await markNotAContact(h.app.deps, id, staffActor("duty-worker"), { reason: "wrong-mailbox" });
  }
});
afterEach(() => h.close());

const ADMIN = { staffId: "admin-1", actor: { kind: "staff", id: "admin-1" }, roles: ["admin"] } as const;
const DPO = { staffId: "dpo-1", actor: { kind: "staff", id: "dpo-1" }, roles: ["data-protection"] } as const;
const SCHEDULE = {
  "closed-at-screening": 24,
  "closed-after-maam": 36,
  "closed-after-casework": 72,
  "not-a-contact": 3,
  "ignored-mail": 6,
};

async function saveSchedule() {
  const { etag } = await readCentreSettings(h.app.deps);
  await updateCentreSettings(h.app.deps, ADMIN, etag, { retentionMonths: SCHEDULE }, ["family-solutions"]);
}

const placeHold = (caseId: string, who = "manager-1") =>
  h.call(who, `/api/cases/${caseId}/legal-hold`, {
    method: "PUT",
    body: JSON.stringify({ hold: true, reason: "Complaint to the Ombudsman in progress" }),
  });

/** Every row of every table (ETags and timestamps aside), to compare before and after. */
async function everyRow(): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const table of TABLE_NAMES) {
    all[table] = (await h.app.rawRows(table)).map(({ etag: _e, timestamp: _t, ...row }) => JSON.stringify(row)).sort();
  }
  return all;
}

/** The tables holding a row that mentions `text`. */
async function tablesMentioning(text: string, except: readonly TableName[] = []): Promise<string[]> {
  const found: string[] = [];
  for (const table of TABLE_NAMES.filter((t) => !except.includes(t))) {
    if ((await h.app.rawRows(table)).some((row) => JSON.stringify(row).includes(text))) found.push(table);
  }
  return found;
}

/** 02:30 London on 1 May 2026: in the quiet hours, past the placeholder's and the council's 3 months. */
const NIGHT = "2026-05-01T01:30:00Z";

describe("retention schedule (issue 16, item 1)", () => {
  it("deletes a case past retention from every table and from search; one on legal hold stays", async () => {
    expect((await placeHold(held)).status).toBe(200);
    await saveSchedule();
    expect(await tablesMentioning(expired)).toEqual(expect.arrayContaining(["Cases", "Outbox", "Compliance"]));
    h.app.clock.set(NIGHT);

    const night = await nightlyRetention(h.app.deps, h.app.clock.now(), "02:00");

    expect(night).toMatchObject({ outcome: "applied", run: { deleted: 1, held: [{ caseId: held }] } });
    // The access audit (ids only, never personal data, in its append blobs) is the one record kept of the case.
    expect(await tablesMentioning(expired)).toEqual([]);
    expect(await h.app.deps.cases.findCase(expired)).toBeUndefined();
    expect(await findPeople(h.app.deps, DPO, "Priya Raman", "api")).toEqual({ items: [] });
    expect(await h.app.deps.cases.findCase(held)).toBeDefined();
    expect(await tablesMentioning(held)).toEqual(expect.arrayContaining(["Cases", "Outbox"]));
    // The counts stay for the compliance report, without the case's reference.
    expect((await h.app.rawRows("Compliance")).some((row) => JSON.stringify(row).includes("retained-"))).toBe(true);
    // The mail ledger still knows the message was handled, so intake never takes it in again.
    expect((await h.app.rawRows("Messages")).some((row) => row["state"] === "logged" && !("caseId" in row))).toBe(true);
  });

  it("updates the Teams cards posted about a deleted case to say it was removed under the retention schedule", async () => {
    await saveSchedule();
    const now = h.app.clock.now();
    await h.app.deps.outbox.enqueue(
      {
        caseId: expired,
        key: `${expired}~triage~t1`,
        channel: "teams",
        purpose: "triage",
        payload: { conversation: "duty" },
      },
      now,
    );
    const posted: string[] = [];
    const updated: [string, string, string][] = [];
    const notifier: TeamsNotifier = {
      post: async (conversation) => {
        posted.push(conversation);
        return { activityId: `activity-${posted.length}` };
      },
      update: async (conversation, activityId, card) =>
        void updated.push([conversation, activityId, JSON.stringify(card)]),
    };
    const render = async (item: { purpose: string }) => [{ type: "AdaptiveCard", purpose: item.purpose }];
    const deps = { outbox: h.app.deps.outbox, clock: h.app.clock, logger: h.app.deps.logger };
    await deliverTeamsOutbox(deps, notifier, render, 100);
    const sent = (await h.app.deps.outbox.listForCase(expired)).find((i) => i.key === `${expired}~triage~t1`);
    expect(sent).toMatchObject({ state: "sent" });
    h.app.clock.set(NIGHT);

    const night = await nightlyRetention(h.app.deps, h.app.clock.now(), "02:00");
    expect(night).toMatchObject({ outcome: "applied", run: { deleted: 2 } });
    expect((night as { run: { cardsUpdated: number } }).run.cardsUpdated).toBeGreaterThanOrEqual(1);
    await deliverTeamsOutbox(deps, notifier, render, 100);

    // The message posted for the deleted case is updated in place (no new post), with the retention card.
    expect(updated).toContainEqual(["duty", sent?.sentItemId ?? "", expect.stringContaining("retention-removed")]);
    // And the queued update holds nothing that names the case.
    expect(await tablesMentioning(expired)).toEqual([]);
  });

  it("removes ignored mail from the set-aside list once past its period; the ledger keeps only that it was handled", async () => {
    await saveSchedule();
    const { messages } = h.app.deps;
    for (const [id, receivedAt] of [
      ["old-auto-reply", "2025-09-01T08:00:00Z"],
      ["recent-auto-reply", "2026-04-20T08:00:00Z"],
    ] as const) {
      await messages.claim(id, new Date(receivedAt));
      await messages.markIgnored(id, "auto-reply", { receivedAt, senderDomain: "school.example" });
    }
    h.app.clock.set(NIGHT);
    const due = await h.call("manager-1", "/api/retention/due");
    expect(await due.json()).toMatchObject({ ignoredMailDue: 1 });

    const night = await nightlyRetention(h.app.deps, h.app.clock.now(), "02:00");

    expect(night).toMatchObject({ outcome: "applied", run: { ignoredMailForgotten: 1 } });
    const listed = (await messages.listSetAside()).items.map((e) => e.messageId);
    expect(listed).toContain("recent-auto-reply");
    expect(listed).not.toContain("old-auto-reply");
    // Still known as handled, so the intake never takes it in again.
    expect(await messages.claim("old-auto-reply", h.app.clock.now())).toMatchObject({
      claimed: false,
      existing: { state: "ignored" },
    });
  });

  it("a dry run lists what the next run would remove and what a hold keeps, and changes nothing", async () => {
    await placeHold(held);
    await saveSchedule();
    h.app.clock.set(NIGHT);
    const before = await everyRow();

    const response = await h.call("manager-1", "/api/retention/due");

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      scheduleSaved: true,
      due: [{ caseId: expired, outcome: "not-a-contact" }],
      held: [{ caseId: held }],
    });
    expect(await everyRow()).toEqual(before);
  });

  it("deletes nothing while the council has not saved its own schedule (the defaults are placeholders)", async () => {
    h.app.clock.set(NIGHT);
    const before = await everyRow();
    const night = await nightlyRetention(h.app.deps, h.app.clock.now(), "02:00");
    expect(night).toMatchObject({ outcome: "applied", run: { scheduleSaved: false, deleted: 0 } });
    const { Sync: _sync, ...after } = await everyRow();
    const { Sync: _before, ...unchanged } = before;
    expect(after).toEqual(unchanged);
  });

  it("is a manager's to place a legal hold, with a reason, on the case's log", async () => {
    expect((await placeHold(held, "duty-1")).status).toBe(403);
    expect((await placeHold(held, "admin-1")).status).toBe(403);
    expect((await placeHold(held)).status).toBe(200);
    const stored = await h.app.deps.cases.getCase(held);
    expect(stored.case.events.at(-1)).toMatchObject({
      type: "legal-hold.placed",
      by: { id: "manager-1" },
      data: { reason: "Complaint to the Ombudsman in progress" },
    });
  });
});
