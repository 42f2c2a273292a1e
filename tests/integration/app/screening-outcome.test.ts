import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { recordScreeningDecision } from "../../../src/app/record-decision.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { deadlines } from "../../../src/domain/rules/deadlines.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { allCases, expectNoPersonalDataLogged, recipientsOf, staffActor } from "./app-assertions.js";
import { expectStatus } from "../../support/outcomes.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Logs one fixture and sends its acknowledgement; returns its case id. */
async function intake(file: string): Promise<{ h: AppHarness; caseId: string }> {
  const h = (harness = await startAppHarness());
  await h.deliverFixture(file);
  await syncInbox(h.deps, "test");
  await deliverOutbox(h.deps);
  const [stored] = await allCases(h);
  return { h, caseId: stored?.case.id ?? "" };
}

describe("rule 1.2 acknowledgement stops its clock", () => {
  it("records acknowledgement.sent on the case, so 1.2 is met", async () => {
    const { h, caseId } = await intake("eha-school-nurse.eml");
    const { case: kase } = await h.deps.cases.getCase(caseId);
    expect(kase.events.filter((e) => e.type === "acknowledgement.sent")).toHaveLength(1);
    const rule12 = deadlines(kase, h.deps.profile, h.deps.calendar, h.clock.now()).filter((d) => d.ruleId === "1.2");
    expect(rule12.map((d) => d.status)).toEqual(["met"]);
    const indexed = await h.deps.deadlines.dueBetween(
      new Date("2026-01-01T00:00:00Z"),
      new Date("2026-02-01T00:00:00Z"),
    );
    expect(indexed.filter((e) => e.caseId === caseId && e.rule === "1.2")).toEqual([]);
  });
});

describe("rule 2.2 screening outcome to the referrer", () => {
  it("queues and sends the outcome letter once, to the original referrer, after a screening decision", async () => {
    const { h, caseId } = await intake("eha-school-nurse.eml");
    h.clock.set("2026-01-13T10:30:00Z");
    const decided = await recordScreeningDecision(h.deps, caseId, staffActor("duty-worker"), { outcome: "maam" });
    expect(expectStatus(decided, "recorded").letterQueued).toBe(true);

    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 });
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 });
    const outcomes = (await h.sentItems()).filter((m) => m.subject.startsWith(`Screening outcome for ${caseId}`));
    expect(outcomes).toHaveLength(1);
    expect(recipientsOf(outcomes[0])).toEqual(["priya.raman@nhs.example"]);
    expect(outcomes[0]?.body.content).toContain("We screened it on Tuesday 13 January 2026");

    const { case: kase } = await h.deps.cases.getCase(caseId);
    expect(kase.events.filter((e) => e.type === "screening-outcome.sent")).toHaveLength(1);
    const rule22 = deadlines(kase, h.deps.profile, h.deps.calendar, h.clock.now()).filter((d) => d.ruleId === "2.2");
    expect(rule22.map((d) => d.status)).toEqual(["met"]);
    await expectNoPersonalDataLogged(h, ["eha-school-nurse.eml"]);
  });

  it("sends no outcome letter for a DART", async () => {
    const { h, caseId } = await intake("dart-police-notification.eml");
    h.clock.set("2026-01-16T10:30:00Z");
    const decided = await recordScreeningDecision(h.deps, caseId, staffActor("duty-worker"), { outcome: "maam" });
    expect(expectStatus(decided, "recorded").letterQueued).toBe(false);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 });
    expect(await h.sentItems()).toEqual([]);
  });
});
