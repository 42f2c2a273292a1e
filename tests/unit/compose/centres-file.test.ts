import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/compose/config.js";

const dir = mkdtempSync(join(tmpdir(), "fc-centres-"));
const fileWith = (content: unknown): string => {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};
const local = (env: Record<string, string> = {}) => loadConfig({ FC_MODE: "local", ...env });
const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
};

/** Issue 21: one deployment serves many centres, each with its own mailbox, framework, calendar and areas. */
describe("the centres a deployment serves", () => {
  it("serves one centre from FC_MAILBOX's settings when there is no FC_CENTRES_FILE", () => {
    const { centres } = local({ FC_CENTRE_NAME: "Hillside Family Centre" });
    expect(centres).toHaveLength(1);
    expect(centres[0]).toMatchObject({
      id: "main",
      mailbox: { address: "familycentre@council.example", centreName: "Hillside Family Centre" },
      practice: { profileId: "family-solutions" },
    });
  });

  it("runs FC_LOCAL_CENTRES demo centres locally, familycentre2@… onwards after the first", () => {
    const { centres } = local({ FC_LOCAL_CENTRES: "3" });
    expect(centres.map((c) => [c.id, c.mailbox.address])).toEqual([
      ["main", "familycentre@council.example"],
      ["centre2", "familycentre2@council.example"],
      ["centre3", "familycentre3@council.example"],
    ]);
  });

  it("reads each centre's own profile, closure days, hours, agenda time and areas, the rest from FC_*", () => {
    const path = fileWith({
      centres: [
        { id: "north", name: "North Family Centre", mailbox: "North@Council.Example", closureDays: ["2026-12-29"] },
        {
          id: "south",
          name: "South Family Hub",
          mailbox: "south@council.example",
          profile: "bexley",
          workingHours: { start: "08:30", end: "16:30" },
          agendaAt: "10:00",
          areas: { postcodes: ["da5", "DA15 8"], schools: ["Hillside Primary School"] },
        },
      ],
    });
    const { centres } = local({ FC_CENTRES_FILE: path, FC_CLOSURE_DAYS: "2026-12-24" });
    expect(centres[0]).toMatchObject({
      id: "north",
      mailbox: { address: "north@council.example", earlyHelpDesk: ["earlyhelpdesk@council.example"] },
      practice: { profileId: "family-solutions", closureDays: ["2026-12-29"], agendaAt: "09:30" },
      areas: { postcodes: [], schools: [] },
    });
    expect(centres[1]).toMatchObject({
      practice: {
        profileId: "bexley",
        closureDays: ["2026-12-24"],
        workingHours: { start: "08:30", end: "16:30" },
        agendaAt: "10:00",
      },
      areas: { postcodes: ["DA5", "DA15 8"], schools: ["Hillside Primary School"] },
    });
  });

  it("names every problem in the file with its place, so an admin can fix them at once", () => {
    const path = fileWith({
      centres: [
        { id: "North", name: "North", mailbox: "not-an-address" },
        { id: "south", name: "South", mailbox: "south@council.example", profile: "leeds" },
        { id: "south", name: "South again", mailbox: "south@council.example", areas: { postcodes: ["Bexley"] } },
      ],
    });
    const problems = problemsOf(() => local({ FC_CENTRES_FILE: path }));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^FC_CENTRES_FILE centres\.0\.id: lower-case letters/),
        expect.stringMatching(/^FC_CENTRES_FILE centres\.0\.mailbox:/),
        expect.stringMatching(/^FC_CENTRES_FILE centres\.1\.profile:/),
        expect.stringMatching(/^FC_CENTRES_FILE centres\.2\.areas\.postcodes\.0: a postcode district/),
      ]),
    );
    expect(problemsOf(() => local({ FC_CENTRES_FILE: fileWith({ centres: [] }) }))).toEqual([
      expect.stringMatching(/^FC_CENTRES_FILE centres:/),
    ]);
  });

  it("refuses a file given twice the same id or mailbox, one that is not JSON, and one that is not there", () => {
    const twice = fileWith({
      centres: [
        { id: "north", name: "North", mailbox: "fc@council.example" },
        { id: "north", name: "Also north", mailbox: "fc@council.example" },
      ],
    });
    expect(problemsOf(() => local({ FC_CENTRES_FILE: twice }))).toEqual([
      "FC_CENTRES_FILE centres.1.id: north is given twice",
      "FC_CENTRES_FILE centres.1.mailbox: fc@council.example is given twice",
    ]);
    expect(problemsOf(() => local({ FC_CENTRES_FILE: fileWith("{ centres: ") }))).toEqual([
      expect.stringMatching(/is not JSON/),
    ]);
    expect(problemsOf(() => local({ FC_CENTRES_FILE: join(dir, "missing.json") }))).toEqual([
      expect.stringMatching(/cannot be read: check the path/),
    ]);
  });

  it("reads the county's shared Front Door address with every centre's desk, never a centre's own mailbox (4.)", () => {
    const path = fileWith({
      centres: [
        { id: "north", name: "North", mailbox: "north@council.example", earlyHelpDesk: ["desk.north@council.example"] },
        { id: "south", name: "South", mailbox: "south@council.example" },
      ],
    });
    const { frontDoor } = local({ FC_CENTRES_FILE: path, FC_FRONT_DOOR_MAILBOX: "FrontDoor@Council.Example" });
    expect(frontDoor?.mailbox).toMatchObject({
      address: "frontdoor@council.example",
      earlyHelpDesk: ["desk.north@council.example", "earlyhelpdesk@council.example"],
    });
    expect(local().frontDoor).toBeUndefined();
    expect(problemsOf(() => local({ FC_CENTRES_FILE: path, FC_FRONT_DOOR_MAILBOX: "south@council.example" }))).toEqual([
      "FC_FRONT_DOOR_MAILBOX: south@council.example is centre south's own mailbox: give the county's shared address",
    ]);
    expect(problemsOf(() => local({ FC_CENTRE_ID: "frontdoor" }))).toEqual([
      expect.stringMatching(/^FC_CENTRE_ID: .*not county or frontdoor/),
    ]);
  });

  it("keeps demo centres to local mode, and out of the way of a centres file", () => {
    expect(problemsOf(() => local({ FC_LOCAL_CENTRES: "2", FC_CENTRES_FILE: fileWith({ centres: [] }) }))).toContain(
      "FC_LOCAL_CENTRES: the centres come from FC_CENTRES_FILE: leave FC_LOCAL_CENTRES unset",
    );
  });
});
