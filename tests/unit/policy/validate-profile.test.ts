import { describe, expect, it } from "vitest";
import type { ProfileInput } from "../../../src/domain/rules/profile-schema.js";
import { ProfileError } from "../../../src/policy/errors.js";
import { bexley } from "../../../src/policy/profiles/bexley.js";
import { familySolutions } from "../../../src/policy/profiles/family-solutions.js";
import { validateProfile } from "../../../src/policy/validate-profile.js";

type RuleInput = ProfileInput["rules"][number];

/** A copy of a real profile with one thing broken, so each check is seen to fire on its own. */
function broken(source: ProfileInput, breakIt: (copy: ProfileInput) => void): ProfileInput {
  const copy = structuredClone(source);
  breakIt(copy);
  return copy;
}
const rule = (profile: ProfileInput, id: string): RuleInput => {
  const found = profile.rules.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
};
const clock = (profile: ProfileInput, id: string): Extract<RuleInput, { kind: "clock" }> => {
  const found = rule(profile, id);
  if (found.kind !== "clock") throw new Error(`rule ${id} is not a clock`);
  return found;
};

function rejection(input: unknown): ProfileError {
  try {
    validateProfile(input);
  } catch (error) {
    if (error instanceof ProfileError) return error;
    throw error;
  }
  throw new Error("the profile was accepted");
}

describe("validating a profile", () => {
  it.each([familySolutions, bexley])("accepts the $id profile as written", (source) => {
    expect(validateProfile(source).id).toBe(source.id);
  });

  it("applies the schema's defaults", () => {
    expect(clock(familySolutions, "1.1").measure).toBeUndefined();
    const rule11 = validateProfile(familySolutions).rules.find((r) => r.id === "1.1");
    expect(rule11?.kind === "clock" && rule11.measure).toBe("between-events");
  });

  describe("errors name the profile, the rule and the field", () => {
    it("a timescale unit the framework does not use", () => {
      const error = rejection(
        broken(bexley, (p) => {
          clock(p, "allocation").maximum = { amount: 1, unit: "days" as never };
        }),
      );
      expect(error.code).toBe("POLICY.INVALID_PROFILE");
      expect(error.message).toMatch(
        /^profile "bexley", rule "allocation", field "maximum\.unit": Invalid option: expected one of "hours"\|/,
      );
      expect(error.issues).toEqual([expect.objectContaining({ rule: "allocation", field: "maximum.unit" })]);
    });

    it("an event type that does not exist, inside a matcher list", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          clock(p, "1.2").stop = [{ event: "acknowledgment.sent" as never }];
        }),
      );
      expect(error.message).toContain('profile "family-solutions", rule "1.2", field "stop[0].event"');
    });

    it("a clock with neither an expected nor a maximum timescale", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          delete clock(p, "8.1").maximum;
        }),
      );
      expect(error.message).toContain('rule "8.1", field "expected": a clock needs an expected or a maximum timescale');
    });

    it("a rule without an id is named by its position", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          (p.rules[0] as { id?: string }).id = undefined;
        }),
      );
      expect(error.message).toContain('rule "#1", field "id"');
    });

    it("a profile that is not an object at all", () => {
      expect(rejection("family-solutions").message).toContain('profile "(no id)", field "(the profile)"');
    });
  });

  describe("cross-checks", () => {
    it("two rules with the same id", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          rule(p, "1.3").id = "1.2";
        }),
      );
      expect(error.issues).toContainEqual(expect.objectContaining({ rule: "1.2", field: "id" }));
    });

    it("a citation of a document the profile does not list", () => {
      const error = rejection(
        broken(bexley, (p) => {
          rule(p, "visits").citation = { document: "Bexley Threshold", section: "7" };
        }),
      );
      expect(error.message).toContain(
        'profile "bexley", rule "visits", field "citation.document": "Bexley Threshold" is not in the profile\'s documents',
      );
    });

    it("an outcome whose email template does not exist", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          const maam = p.screeningOutcomes.find((o) => o.id === "maam");
          if (maam) maam.emailTemplate = "screening-mam";
        }),
      );
      expect(error.issues).toContainEqual(expect.objectContaining({ field: "screeningOutcomes.maam.emailTemplate" }));
    });

    it("an email template no outcome sends", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          p.emails.outcomes["maam-unused"] = { subject: "s", body: "b" };
        }),
      );
      expect(error.issues).toEqual([expect.objectContaining({ field: "emails.outcomes.maam-unused" })]);
    });

    it("a panel whose schedule rule is missing or is not a schedule", () => {
      const missing = rejection(
        broken(bexley, (p) => {
          if (p.panels?.[0]) p.panels[0].scheduleRule = "weekly-panel";
        }),
      );
      expect(missing.issues).toEqual([
        expect.objectContaining({
          field: "panels.transfer-panel.scheduleRule",
          message: expect.stringContaining("no rule"),
        }),
      ]);
      const notSchedule = rejection(
        broken(familySolutions, (p) => {
          if (p.panels?.[0]) p.panels[0].scheduleRule = "1.1";
        }),
      );
      expect(notSchedule.message).toContain(
        'field "panels.maam.scheduleRule": rule "1.1" is a clock rule, not a schedule',
      );
    });

    it("a matcher waiting for an outcome the decision cannot have", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          clock(p, "1.1").cancelledBy = [{ event: "screening.decided", where: { outcome: { not: "mam" } } }];
        }),
      );
      expect(error.message).toContain(
        'rule "1.1", field "cancelledBy[0].where.outcome": screening.decided has no outcome "mam"',
      );
    });

    it("a panel outcome matched by a rule is checked against that panel", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          clock(p, "3.2").start = [{ event: "maam.decided", where: { outcome: "allocated" } }];
        }),
      );
      expect(error.issues).toEqual([expect.objectContaining({ rule: "3.2", field: "start[0].where.outcome" })]);
    });

    it("a Front Door decision step without Front Door outcomes", () => {
      const error = rejection(
        broken(bexley, (p) => {
          delete p.frontDoorOutcomes;
        }),
      );
      expect(error.issues).toContainEqual(expect.objectContaining({ field: "frontDoorOutcomes" }));
    });

    it("an unknown placeholder in an email, such as a child's name", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          p.emails.acknowledgement.subject = "Request for {{childName}}";
        }),
      );
      expect(error.message).toContain(
        'profile "family-solutions", field "emails.acknowledgement.subject": unknown placeholder {{childName}}',
      );
    });

    it.each([
      ["the acknowledgement asks for a decision date", "emails.acknowledgement", "decisionDate", /reports no decision/],
      ["the acknowledgement names a worker", "emails.acknowledgement", "workerName", /need a worker/],
      ["a signposting letter names a worker", "emails.outcomes.maam-signpost", "workerName", /need a worker/],
    ])("a placeholder the case can never fill: %s", (_label, field, placeholder, why) => {
      const error = rejection(
        broken(familySolutions, (p) => {
          const template =
            field === "emails.acknowledgement" ? p.emails.acknowledgement : p.emails.outcomes["maam-signpost"];
          if (template) template.body += ` {{${placeholder}}}`;
        }),
      );
      expect(error.issues).toEqual([
        {
          field,
          message: expect.stringMatching(
            new RegExp(`^\\{\\{${placeholder}\\}\\} can never be filled: .*${why.source}`),
          ),
        },
      ]);
    });

    it("a promised outcome date with no rule to promise it from (the Bexley acknowledgement before its letter rule)", () => {
      const error = rejection(
        broken(bexley, (p) => {
          p.rules = p.rules.filter((r) => r.id !== "outcome-letter");
        }),
      );
      expect(error.message).toContain(
        'field "emails.acknowledgement": {{screeningOutcomeBy}} can never be filled: no clock rule stops at screening-outcome.sent',
      );
    });

    it("a checklist item listed twice", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          const check = rule(p, "8.2");
          if (check.kind === "check") check.items.push({ id: "closure-summary", label: "again" });
        }),
      );
      expect(error.issues).toEqual([expect.objectContaining({ rule: "8.2", field: "items" })]);
    });

    it("lists every problem at once", () => {
      const error = rejection(
        broken(familySolutions, (p) => {
          rule(p, "1.3").id = "1.2";
          p.emails.acknowledgement.body = "{{referrer}}";
        }),
      );
      expect(error.issues).toHaveLength(2);
      expect(error.message).toContain('rule "1.2", field "id"');
      expect(error.message).toContain('field "emails.acknowledgement.body": unknown placeholder {{referrer}}');
    });
  });
});
