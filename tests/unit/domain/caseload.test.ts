import { describe, expect, it } from "vitest";
import { caseloadCheck } from "../../../src/domain/caseload.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";

const profile = loadProfile("family-solutions");
const fullTime = { displayName: "Practitioner A", hours: "full-time" as const };
const partTime = { displayName: "Practitioner B", hours: "part-time" as const };

describe("rule 11.3 caseload", () => {
  it("allows 20 families for a full-time practitioner and warns at the 21st", () => {
    expect(caseloadCheck(fullTime, 20, profile)).toMatchObject({ limit: 20, count: 20, over: false });
    const over = caseloadCheck(fullTime, 21, profile);
    expect(over).toMatchObject({ limit: 20, count: 21, over: true });
    expect(over.message).toBe(
      "Practitioner A would have 21 open families, over the limit for a full-time practitioner of 20. Check capacity before allocating.",
    );
  });

  it("warns over 10 families for a part-time practitioner", () => {
    expect(caseloadCheck(partTime, 10, profile).over).toBe(false);
    expect(caseloadCheck(partTime, 11, profile)).toMatchObject({ limit: 10, over: true });
  });

  it("uses a practitioner's own agreed limit in place of the profile's", () => {
    const check = caseloadCheck({ ...fullTime, caseloadLimit: 12 }, 13, profile);
    expect(check).toMatchObject({ limit: 12, over: true });
    expect(check.message).toContain("over their agreed limit of 12");
  });

  it("reads the limits from the profile, not from code", () => {
    const generous = { caseloadLimits: { fullTime: 25, partTime: 12 } };
    expect(caseloadCheck(fullTime, 21, generous)).toMatchObject({ limit: 25, over: false });
    expect(caseloadCheck(partTime, 1, generous).message).toBe(
      "Practitioner B would have 1 open family, within the limit for a part-time practitioner of 12.",
    );
  });
});
