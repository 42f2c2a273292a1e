import { describe, expect, it } from "vitest";
import { callerCentres } from "../../../../src/app/staff/caller-centres.js";
import { createMemoryStore } from "../../../../src/store/memory/create-memory-store.js";

const person = (id: string, roles: string[], deactivatedAt?: string) => ({
  id,
  displayName: `Person ${id}`,
  email: `${id}@council.example`,
  roles,
  ...(deactivatedAt ? { deactivatedAt } : {}),
});

/** Where a person works is read from each centre's own staff list and the county's, nothing else. */
describe("the caller's centres", () => {
  const setUp = async () => {
    const [north, south, county] = [createMemoryStore(), createMemoryStore(), createMemoryStore()];
    const centres = [
      { id: "north", name: "North", profileId: "family-solutions", staff: north.staff },
      { id: "south", name: "South", profileId: "bexley", staff: south.staff },
    ];
    return { north, south, county, centres };
  };

  it("answers only the centres a person is on, with their roles in each", async () => {
    const { north, south, county, centres } = await setUp();
    await south.staff.put("p", person("p", ["practitioner"]));
    await north.staff.put("p", person("p", ["manager"], "2026-11-01T00:00:00.000Z"));
    expect(await callerCentres(centres, county.staff, "p")).toEqual({
      staffId: "p",
      displayName: "Person p",
      centres: [{ id: "south", name: "South", profileId: "bexley", onStaff: true, roles: ["practitioner"] }],
      countyRoles: [],
    });
  });

  it("answers every centre for a county manager, and nobody for someone on no list or deactivated there", async () => {
    const { county, centres } = await setUp();
    await county.staff.put("c", person("c", ["county-manager"]));
    await county.staff.put("gone", person("gone", ["county-manager"], "2026-11-01T00:00:00.000Z"));
    const manager = await callerCentres(centres, county.staff, "c");
    expect(manager?.countyRoles).toEqual(["county-manager"]);
    expect(manager?.centres.map((c) => [c.id, c.onStaff, c.roles])).toEqual([
      ["north", false, []],
      ["south", false, []],
    ]);
    expect(await callerCentres(centres, county.staff, "gone")).toBeUndefined();
    expect(await callerCentres(centres, county.staff, "stranger")).toBeUndefined();
  });
});
