import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { aCase } from "../../../dev/builders/case-builder.js";
import { cardAction, message, post, type Place, type Sender } from "../../../dev/teams/activities.js";
import type { AuditEvent } from "../../../src/ports/audit.js";
import { cardText } from "../../support/adaptive-card.js";
import { startBotHarness, type BotHarness } from "../bot/bot-harness.js";

// Issue 15 §5 in Teams: every command needs a role, not just a staff row (the agendas and `case FC-…` once
// answered anyone on the list); `case FC-…` shows a case only to who needs to know it, audited; a deactivated
// member of staff is nobody.

const ALLOCATED = "FC-2026-000601"; // led by aad-worker
const WAITING = "FC-2026-000602"; // awaiting screening
const nobody: Sender = { id: "29:n", aadObjectId: "aad-noroles", name: "Nora" };
const worker: Sender = { id: "29:w", aadObjectId: "aad-worker", name: "Pat" };
const otherWorker: Sender = { id: "29:o", aadObjectId: "aad-other", name: "Kim" };
const panelMember: Sender = { id: "29:p", aadObjectId: "aad-panel", name: "Pia" };
const personal = (who: Sender): Place => ({ type: "personal", id: `a:${who.aadObjectId}` });
const panelChat: Place = { type: "groupChat", id: "19:panel@thread.v2" };

let h: BotHarness;
let audited: AuditEvent[];
beforeEach(async () => {
  h = await startBotHarness({ now: "2026-03-02T10:00:00Z" });
  const staff = [
    ["aad-noroles", []],
    ["aad-worker", ["practitioner"]],
    ["aad-other", ["practitioner"]],
    ["aad-panel", ["panel-member"]],
  ] as const;
  for (const [id, roles] of staff) await h.addStaff({ id, displayName: id, email: `${id}@fc.example`, roles });
  await h.addCase(
    aCase()
      .withId(ALLOCATED)
      .receivedAt("2026-02-02T09:00:00Z")
      .allocatedOn("2026-02-03T10:00:00Z", "aad-worker")
      .build(),
  );
  await h.addCase(aCase().withId(WAITING).receivedAt("2026-03-02T08:00:00Z").build());
  audited = [];
  vi.spyOn(h.deps.app.audit, "append").mockImplementation(async (event) => void audited.push(event));
});
afterEach(async () => h.close());

/** What the bot answered to one message, as the person reads it. */
async function say(who: Sender, text: string, place = personal(who)): Promise<string> {
  const before = h.connector.calls.length;
  expect((await post(h.messagesUrl, message(h.connector.serviceUrl, who, place, text))).status).toBe(200);
  return h.connector.calls
    .slice(before)
    .map((c) => cardText(c.activity))
    .join("\n");
}

describe("every command needs a role", () => {
  it.each(["screening", "maam", "transfer panel", "my cases", "due", `case ${ALLOCATED}`])(
    "refuses %s to a member of staff with no role",
    async (command) => {
      const answer = await say(nobody, command);
      expect(answer).toContain("Your role does not include");
      expect(answer).toContain("AUTH.ROLE_REFUSED");
      expect(answer).not.toContain("FC-2026-0006");
    },
  );

  it("refuses choosing a panel's chat to anyone but a manager", async () => {
    expect(await say(nobody, "use this chat for screening", panelChat)).toContain("Only a manager can choose");
    expect((await h.store.settings.get("centre"))?.value.chatIds ?? {}).toEqual({});
  });

  it("refuses an agenda to a practitioner, and shows it to a panel member", async () => {
    expect(await say(worker, "screening")).toContain("Your role does not include");
    expect(await say(panelMember, "screening")).toContain(WAITING);
  });

  it("refuses a card's actions to a member of staff with no role, and records nothing", async () => {
    const click = async (verb: string, data: Record<string, unknown>) =>
      (await post(h.messagesUrl, cardAction(h.connector.serviceUrl, nobody, panelChat, verb, data))).body;
    expect(cardText(await click("triage.addToScreening", { caseId: WAITING }))).toContain("AUTH.ROLE_REFUSED");
    const decided = await click("screening.decide", { caseId: WAITING, [`${WAITING}~outcome`]: "nfa" });
    expect(cardText(decided)).toContain("CASE.FORBIDDEN");
    const events = (await h.store.cases.getCase(WAITING)).case.events.map((e) => e.type);
    expect(events).not.toContain("screening.decided");
  });
});

describe("case FC-… shows a case only to who needs to know it", () => {
  it("shows its lead worker the case, audited as a read from the bot", async () => {
    const answer = await say(worker, `case ${ALLOCATED}`);
    expect(answer).toContain(`Case ${ALLOCATED}`);
    expect(audited).toEqual([
      expect.objectContaining({ action: "case.read", actorId: "aad-worker", subject: ALLOCATED, via: "bot" }),
    ]);
  });

  it("answers another practitioner as if there were no such case, audited as refused", async () => {
    const answer = await say(otherWorker, `case ${ALLOCATED}`);
    expect(answer).toContain("CASE.NOT_FOUND");
    expect(answer).not.toContain("Lead worker");
    expect(audited).toEqual([
      expect.objectContaining({ action: "case.read-refused", actorId: "aad-other", subject: ALLOCATED }),
    ]);
  });

  it("shows a panel member a case on the agenda, and not one off it", async () => {
    expect(await say(panelMember, `case ${WAITING}`)).toContain("Recent timeline");
    expect(await say(panelMember, `case ${ALLOCATED}`)).toContain("CASE.NOT_FOUND");
  });
});

describe("a deactivated member of staff", () => {
  it("is nobody to the bot", async () => {
    const row = (await h.store.staff.get("aad-worker"))!;
    await h.store.staff.put("aad-worker", { ...row.value, deactivatedAt: "2026-03-01T17:00:00Z" }, row.etag);
    const answer = await say(worker, `case ${ALLOCATED}`);
    expect(answer).toContain("not on the Family Centre's staff list");
    expect(answer).not.toContain("Recent timeline");
  });
});
