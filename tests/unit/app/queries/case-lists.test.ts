import { describe, expect, it } from "vitest";
import { myCases, myCasesPage } from "../../../../src/app/queries/case-lists.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { memoryApp, saved } from "../memory-app.js";

const NOW = "2026-11-10T09:00:00Z";
// Allocated on different days: the older allocation's clocks (4.1a initial contact) are already past their maximum.
const allocated = (id: string, on: string) => aCase().withId(id).receivedAt(on).allocatedOn(on, "w-jo").build();

describe("a worker's cases, as the tab and the bot both list them", () => {
  it("come most urgent first (red, then amber, green; then the soonest due), whatever order the worklist holds", async () => {
    const deps = memoryApp(NOW);
    await saved(deps, allocated("FC-2026-000601", "2026-11-09T10:00:00Z"));
    await saved(deps, allocated("FC-2026-000602", "2026-11-02T10:00:00Z"));

    const inTeams = await myCases(deps, "w-jo");
    const inTheTab = await myCasesPage(deps, "w-jo");

    expect(inTeams.map((r) => [r.stored.case.id, r.rag])).toEqual([
      ["FC-2026-000602", "red"],
      ["FC-2026-000601", "amber"],
    ]);
    expect(inTheTab.items.map((r) => r.stored.case.id)).toEqual(inTeams.map((r) => r.stored.case.id));
  });
});
