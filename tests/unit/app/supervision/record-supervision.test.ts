import { describe, expect, it } from "vitest";
import { rebuildIndexes } from "../../../../src/app/rebuild-indexes.js";
import { recordSupervision } from "../../../../src/app/supervision/record-supervision.js";
import { supervisionClocks } from "../../../../src/app/supervision/supervision-log.js";
import { clockStillDue } from "../../../../src/app/queries/due-clocks.js";
import { sendNudges } from "../../../../src/jobs/send-nudges.js";
import { memoryApp, staff } from "../memory-app.js";

const NOW = "2026-03-02T10:00:00.000Z";

async function withTeam() {
  const deps = memoryApp(NOW);
  await deps.staff.put("pat", {
    id: "pat",
    displayName: "Pat",
    email: "p@x.example",
    roles: ["practitioner"],
    managerId: "max",
  });
  await deps.staff.put("max", { id: "max", displayName: "Max", email: "m@x.example", roles: ["manager"] });
  return deps;
}

describe("rule 11.6 supervision, on the practitioner's own log", () => {
  it("restarts the practitioner's 4-week clock from the supervision a manager records, and indexes it for nudges", async () => {
    const deps = await withTeam();
    expect(
      await recordSupervision(deps, "pat", staff("max", "manager"), { occurredAt: "2026-02-27T14:00:00Z" }),
    ).toMatchObject({
      status: "recorded",
      event: { type: "supervision.recorded", at: "2026-02-27T14:00:00.000Z", data: { practitionerId: "pat" } },
    });
    const [clock] = await supervisionClocks(deps, "pat");
    // Four calendar weeks from Friday 27 February: the end of Friday 27 March (GMT).
    expect(clock).toMatchObject({ ruleId: "11.6", status: "on-track", maximum: { at: "2026-03-27T23:59:59.999Z" } });
    const due = await deps.deadlines.dueBetween(new Date("2026-03-01T00:00:00Z"), new Date("2026-04-01T00:00:00Z"));
    expect(due).toEqual([expect.objectContaining({ caseId: "supervision~pat", rule: "11.6", workerId: "pat" })]);
  });

  it("is recorded by a manager only, for a practitioner only, and a retried request records it once", async () => {
    const deps = await withTeam();
    expect(await recordSupervision(deps, "pat", staff("pat", "practitioner"))).toMatchObject({
      status: "refused",
      code: "SUPERVISION.FORBIDDEN",
    });
    expect(await recordSupervision(deps, "max", staff("max", "manager"))).toMatchObject({
      status: "refused",
      code: "SUPERVISION.NOT_A_PRACTITIONER",
    });
    await recordSupervision(deps, "pat", staff("max", "manager"), { occurredAt: "2026-02-27T14:00:00Z" });
    expect(
      await recordSupervision(deps, "pat", staff("max", "manager"), { occurredAt: "2026-02-27T14:00:00Z" }),
    ).toMatchObject({
      status: "already-recorded",
    });
    expect((await deps.supervisions.get("pat"))?.value.events).toHaveLength(1);
  });

  it("nudges both the practitioner and their manager as it comes due, and the nightly rebuild keeps it", async () => {
    const deps = await withTeam();
    await recordSupervision(deps, "pat", staff("max", "manager"), { occurredAt: "2026-02-27T14:00:00Z" });
    await rebuildIndexes(deps, deps.clock.now());
    deps.clock.set("2026-03-26T10:00:00Z");
    await sendNudges(deps, deps.clock.now(), { overdueLookbackDays: 92 });
    const digests = (await deps.outbox.listPending(50, "teams")).filter((i) => i.purpose === "digest");
    expect(digests.map((d) => d.payload["conversation"]).sort()).toEqual(["user~max", "user~pat"]);
    const due = await clockStillDue(deps, { caseId: "supervision~pat", ruleId: "11.6", instance: 1 });
    expect(due).toMatchObject({ label: "Supervision of Pat", deadline: { status: "due-soon" } });
  });
});
