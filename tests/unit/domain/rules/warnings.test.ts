import { describe, expect, it } from "vitest";
import { caseWarnings } from "../../../../src/domain/rules/warnings.js";
import { profileSchema } from "../../../../src/domain/rules/profile-schema.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { calendar } from "./clock-fixtures.js";

const familySolutions = loadProfile("family-solutions");

/** Allocated, initial contact made, then a visit at `at` (a UTC instant). */
const visitedAt = (at: string, lateInDay?: boolean) =>
  aCase()
    .receivedAt("2026-06-01T09:00:00.000Z")
    .allocatedOn("2026-06-01T10:00:00.000Z")
    .then({ type: "recordInitialContact" }, { at: "2026-06-02T10:00:00.000Z" })
    .then({ type: "recordVisit", childSeen: true, ...(lateInDay ? { lateInDay } : {}) }, { at })
    .build();

const ruleIds = (at: string, lateInDay?: boolean) =>
  caseWarnings(visitedAt(at, lateInDay), familySolutions, calendar).map((w) => w.ruleId);

describe("rule 4.2: mind the lone working policy for a visit at the end of the day", () => {
  it("warns of a visit at or after the profile's hour in London time (16:00 BST is 15:00 UTC)", () => {
    expect(ruleIds("2026-06-03T15:00:00.000Z")).toEqual(["4.2"]);
    const [warning] = caseWarnings(visitedAt("2026-06-03T15:30:00.000Z"), familySolutions, calendar);
    expect(warning).toMatchObject({
      ruleName: "Mind the lone working policy for late visits",
      citation: { display: "Family Solutions Practice Framework §4.2" },
      event: "visit.completed",
      at: "2026-06-03T15:30:00.000Z",
    });
  });

  it("does not warn of a visit earlier in the day", () => {
    expect(ruleIds("2026-06-03T14:59:00.000Z")).toEqual([]);
  });

  it("warns of a visit the worker marks late, whatever its hour, and warns once for one both late and marked", () => {
    expect(ruleIds("2026-06-03T09:00:00.000Z", true)).toEqual(["4.2"]);
    expect(ruleIds("2026-06-03T16:00:00.000Z", true)).toEqual(["4.2"]);
  });

  it("reads the hour from the profile: policy as data", () => {
    const laterHour = profileSchema.parse({
      ...familySolutions,
      rules: familySolutions.rules.map((r) =>
        r.id === "4.2" && r.kind === "warning" ? { ...r, on: [{ event: "visit.completed", atOrAfter: "17:30" }] } : r,
      ),
    });
    expect(caseWarnings(visitedAt("2026-06-03T15:30:00.000Z"), laterHour, calendar)).toEqual([]);
    expect(caseWarnings(visitedAt("2026-06-03T16:30:00.000Z"), laterHour, calendar)).toHaveLength(1);
  });

  it("refuses a profile whose hour is not a clock time", () => {
    const bad = {
      ...familySolutions,
      rules: familySolutions.rules.map((r) =>
        r.id === "4.2" && r.kind === "warning" ? { ...r, on: [{ event: "visit.completed", atOrAfter: "4pm" }] } : r,
      ),
    };
    expect(profileSchema.safeParse(bad).success).toBe(false);
  });
});
