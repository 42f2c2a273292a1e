import { describe, expect, it } from "vitest";
import { routeByArea, type CentreAreas } from "../../../../src/domain/intake/area-routing.js";

const CENTRES: readonly CentreAreas[] = [
  { id: "north", postcodes: ["DA5", "DA15 8"], schools: ["Greenbank Infant School"] },
  { id: "south", postcodes: ["DA15", "SE2"], schools: ["St Anne's Primary"] },
  { id: "east", postcodes: ["SE2"], schools: [] },
];

/** A Front Door form as the Early Help Desk forwards it, with the fields given. */
const form = (...fields: string[]) =>
  ["Please see Front Door contact below.", "", "FRONT DOOR CONTACT FORM", "Referrer name: Claire", ...fields].join(
    "\n",
  );

describe("routing the county's shared Front Door address by area (issue 21 §4)", () => {
  it("sends a referral to the centre covering the postcode district of the family's address", () => {
    expect(routeByArea(form("Address: 4 Mill Lane, Bexley DA5 1AB"), CENTRES)).toEqual({
      routed: true,
      centre: "north",
      by: "postcode",
    });
  });

  it("prefers the centre declaring the postcode sector over the one declaring its whole district", () => {
    expect(routeByArea(form("Child's postcode: da15 8hq"), CENTRES)).toMatchObject({ centre: "north" });
    expect(routeByArea(form("Child's postcode: DA15 7HQ"), CENTRES)).toMatchObject({ centre: "south" });
  });

  it("sends a referral naming no postcode to the centre whose schools include the child's school", () => {
    expect(routeByArea(form("School: St Anne’s Primary"), CENTRES)).toEqual({
      routed: true,
      centre: "south",
      by: "school",
    });
  });

  it("goes by the family's postcode when the school belongs to another centre", () => {
    expect(routeByArea(form("Postcode: DA5 2XY", "School name: St Anne's Primary"), CENTRES)).toMatchObject({
      centre: "north",
      by: "postcode",
    });
  });

  it("reads the referrer's organisation as no school: a school refers families from elsewhere too", () => {
    expect(routeByArea(form("Organisation/Agency: Greenbank Infant School"), CENTRES)).toEqual({
      routed: false,
      reason: "no-area-named",
    });
  });

  it("leaves for county triage a postcode no centre covers, and one two centres both claim", () => {
    expect(routeByArea(form("Postcode: ME1 1AA"), CENTRES)).toEqual({ routed: false, reason: "no-centre-covers" });
    expect(routeByArea(form("Postcode: SE2 9AA"), CENTRES)).toEqual({ routed: false, reason: "several-centres" });
  });
});
