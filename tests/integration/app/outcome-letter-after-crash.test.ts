import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { recordMaamDecision, recordScreeningDecision } from "../../../src/app/record-decision.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { nightlyRepair } from "../../../src/jobs/nightly-repair.js";
import type { Outbox } from "../../../src/ports/outbox.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { allCases, staffActor } from "./app-assertions.js";
import { expectStatus } from "../../support/outcomes.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** An outbox whose next enqueue fails as if the service stopped after the decision was saved. */
function crashesOnNextEnqueue(outbox: Outbox): Outbox & { crashes: number } {
  let armed = true;
  const wrapped = {
    crashes: 0,
    get: outbox.get.bind(outbox),
    transition: outbox.transition.bind(outbox),
    listPending: outbox.listPending.bind(outbox),
    listHeld: outbox.listHeld.bind(outbox),
    listHeldPage: outbox.listHeldPage.bind(outbox),
    listForCase: outbox.listForCase.bind(outbox),
    rewritePayload: outbox.rewritePayload.bind(outbox),
    deleteForCase: outbox.deleteForCase.bind(outbox),
    enqueueAll: outbox.enqueueAll.bind(outbox),
    enqueue: async (...args: Parameters<Outbox["enqueue"]>) => {
      if (armed) {
        armed = false;
        wrapped.crashes++;
        throw new Error("the service stopped");
      }
      return outbox.enqueue(...args);
    },
  };
  return wrapped;
}

/** Logs one fixture and sends its acknowledgement; returns its case id. */
async function intake(): Promise<{ h: AppHarness; caseId: string }> {
  const h = (harness = await startAppHarness());
  await h.deliverFixture("eha-school-nurse.eml");
  await syncInbox(h.deps, "test");
  await deliverOutbox(h.deps);
  const [stored] = await allCases(h);
  return { h, caseId: stored?.case.id ?? "" };
}

const outcomeLetters = async (h: AppHarness, prefix: string) =>
  (await h.sentItems()).filter((m) => m.subject.startsWith(prefix));

describe("rule 2.2 the outcome letter survives a crash between the decision and its letter", () => {
  it("queues the letter when the click is retried, and sends exactly one", async () => {
    const { h, caseId } = await intake();
    h.clock.set("2026-01-13T10:30:00Z");
    const outbox = crashesOnNextEnqueue(h.deps.outbox);
    const crashing = { ...h.deps, outbox };
    const duty = staffActor("duty-worker");

    await expect(recordScreeningDecision(crashing, caseId, duty, { outcome: "maam" })).rejects.toThrow(
      "the service stopped",
    );
    expect(outbox.crashes).toBe(1);
    expect((await h.deps.cases.getCase(caseId)).case.state).toBe("awaiting-maam");
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 });

    // Teams retries the invoke: the decision is not made twice (the retry is told who decided), but its letter is now
    // queued.
    const retried = { status: "already-decided", decision: { outcome: "maam", by: { id: duty.actor.id } } };
    expect(await recordScreeningDecision(crashing, caseId, duty, { outcome: "maam" })).toMatchObject(retried);
    expect(await recordScreeningDecision(crashing, caseId, duty, { outcome: "maam" })).toMatchObject(retried);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 });
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 });

    expect(await outcomeLetters(h, `Screening outcome for ${caseId}`)).toHaveLength(1);
    const { case: kase } = await h.deps.cases.getCase(caseId);
    expect(kase.events.filter((e) => e.type === "screening.decided")).toHaveLength(1);
    expect(kase.events.filter((e) => e.type === "screening-outcome.sent")).toHaveLength(1);
  });

  it("a later decision on the case also repairs an earlier decision's missing letter (3.1 after 2.2)", async () => {
    const { h, caseId } = await intake();
    h.clock.set("2026-01-13T10:30:00Z");
    const crashing = { ...h.deps, outbox: crashesOnNextEnqueue(h.deps.outbox) };
    await expect(
      recordScreeningDecision(crashing, caseId, staffActor("duty-worker"), { outcome: "maam" }),
    ).rejects.toThrow("the service stopped");

    h.clock.set("2026-01-20T11:00:00Z");
    const maam = await recordMaamDecision(h.deps, caseId, staffActor("panel-member"), {
      outcome: "pre-allocation-list",
      note: "Waiting for a practitioner.",
    });
    expect(expectStatus(maam, "recorded").letterQueued).toBe(true);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 2 });
    expect(await outcomeLetters(h, `Screening outcome for ${caseId}`)).toHaveLength(1);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 });
  });

  it("when nobody clicks again, the nightly repair queues the letter, once, and a second run that day does nothing", async () => {
    const { h, caseId } = await intake();
    h.clock.set("2026-01-13T10:30:00Z");
    const crashing = { ...h.deps, outbox: crashesOnNextEnqueue(h.deps.outbox) };
    await expect(
      recordScreeningDecision(crashing, caseId, staffActor("duty-worker"), { outcome: "maam" }),
    ).rejects.toThrow("the service stopped");
    const deps = h.deps;

    expect(await nightlyRepair(deps, new Date("2026-01-14T01:59:00Z"), "02:00")).toMatchObject({
      outcome: "not-due",
    });
    // Not in working hours either: a service started at 10:00 leaves the repair to the night.
    expect(await nightlyRepair(deps, new Date("2026-01-14T10:00:00Z"), "02:00")).toMatchObject({
      outcome: "not-due",
    });
    expect(await nightlyRepair(deps, new Date("2026-01-14T02:05:00Z"), "02:00")).toMatchObject({
      outcome: "repaired",
      date: "2026-01-14",
      counts: { cases: 1 },
    });
    expect(await nightlyRepair(deps, new Date("2026-01-14T05:59:00Z"), "02:00")).toMatchObject({
      outcome: "already-done",
    });
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 });
    expect(await outcomeLetters(h, `Screening outcome for ${caseId}`)).toHaveLength(1);

    // The next night finds the letter sent and queues nothing.
    await nightlyRepair(deps, new Date("2026-01-15T02:05:00Z"), "02:00");
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 });
  });
});
