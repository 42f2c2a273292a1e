import { describe, expect, it } from "vitest";
import { everyonesStaff } from "../../../../src/compose/local-mode/local-centres.js";
import { createMemoryStore } from "../../../../src/store/memory/create-memory-store.js";

/** Local mode's user switcher offers everyone on any centre's staff list or the county's, each once. */
describe("everyone's staff, as the local user switcher reads it", () => {
  it("lists a person on several lists once, with the roles of each, and finds one on any list", async () => {
    const [north, south, county] = [createMemoryStore(), createMemoryStore(), createMemoryStore()];
    const person = (id: string, roles: string[]) => ({ id, displayName: id, email: `${id}@council.example`, roles });
    await north.staff.put("both", person("both", ["manager"]));
    await south.staff.put("both", person("both", ["practitioner"]));
    await south.staff.put("south-only", person("south-only", ["duty-worker"]));
    await county.staff.put("county", person("county", ["county-manager"]));
    const everyone = everyonesStaff(() => [north.staff, south.staff, county.staff]);

    const listed = (await everyone.list()).map((r) => [r.key, r.value.roles]);
    expect(listed.sort()).toEqual([
      ["both", ["manager", "practitioner"]],
      ["county", ["county-manager"]],
      ["south-only", ["duty-worker"]],
    ]);
    expect((await everyone.get("south-only"))?.value.roles).toEqual(["duty-worker"]);
    expect((await everyone.get("county"))?.value.roles).toEqual(["county-manager"]);
    expect(await everyone.get("nobody")).toBeUndefined();
  });
});
