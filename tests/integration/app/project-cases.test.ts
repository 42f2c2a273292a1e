import { afterEach, describe, expect, it } from "vitest";
import { projectCases } from "../../../src/app/project-cases.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const screeningQueue = async (h: AppHarness) =>
  (await h.deps.worklists.list("awaiting-screening")).items.map((entry) => entry.caseId);

describe("issue 21 §7 the projector writes a contact's derived rows once, off the intake's path", () => {
  it("puts a contact on its queue when it runs, also when the service stopped before it could (it starts with what is marked)", async () => {
    const h = (harness = await startAppHarness());
    await h.deliverFixture("eha-school-nurse.eml");
    expect(await syncInbox(h.deps, "test")).toMatchObject({ logged: 1 });
    const [caseId] = (await h.rawRows("Projections")).map((row) => row["caseId"]);

    // As after a stop: the case is written and marked, its queue not yet.
    expect(await screeningQueue(h)).toEqual([]);
    expect(await projectCases(h.deps, "restarted")).toEqual({ ran: true, cases: 1 });

    expect(await screeningQueue(h)).toEqual([caseId]);
    expect(await h.rawRows("Projections")).toEqual([]);
    expect(await projectCases(h.deps, "restarted")).toEqual({ ran: true, cases: 0 });
  });

  it("leaves the work to the instance already projecting", async () => {
    const h = (harness = await startAppHarness());
    await h.deps.leases.acquire("projector", "other-instance", 60_000, h.clock.now());

    expect(await projectCases(h.deps, "this-instance")).toEqual({ ran: false, heldBy: "other-instance" });
  });
});
