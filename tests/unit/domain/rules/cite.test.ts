import { describe, expect, it } from "vitest";
import { cite } from "../../../../src/domain/rules/cite.js";
import { PolicyError } from "../../../../src/domain/rules/errors.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";

const ruleOf = (profileId: string, id: string) => {
  const rule = loadProfile(profileId).rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`test setup: no rule ${id} in ${profileId}`);
  return rule;
};

describe("citations say why something is due", () => {
  it("reads '<document title> §<section>' for a Family Solutions rule", () => {
    expect(cite(ruleOf("family-solutions", "1.2"), loadProfile("family-solutions")).display).toBe(
      "Family Solutions Practice Framework §1.2",
    );
  });

  it("uses the Bexley procedure's title for a Bexley rule", () => {
    expect(cite(ruleOf("bexley", "allocation"), loadProfile("bexley")).display).toBe(
      "Early Help: Family Wellbeing Service Procedure §3",
    );
  });

  it("refuses a citation of a document the profile does not list, naming what to fix", () => {
    const profile = { ...loadProfile("family-solutions"), documents: {} };
    let caught: unknown;
    try {
      cite(ruleOf("family-solutions", "1.2"), profile);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyError);
    expect(caught).toMatchObject({ code: "POLICY.DOCUMENT_NOT_LISTED", message: expect.stringContaining("Rule 1.2") });
  });
});
