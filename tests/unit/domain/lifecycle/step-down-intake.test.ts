import { describe, expect, it } from "vitest";
import { openCase } from "../../../../src/domain/lifecycle/open-case.js";
import { profileSchema, type Profile } from "../../../../src/domain/rules/profile-schema.js";
import { crossCheckProfile } from "../../../../src/policy/profile-cross-checks.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";

const familySolutions = loadProfile("family-solutions");
const bexley = loadProfile("bexley");
const stepDown = (profile: Profile) =>
  openCase({
    id: "FC-2026-000200",
    contactId: "c-1",
    kind: "step-down-from-social-care",
    receivedAt: "2026-06-01T09:00:00Z",
    actor: { kind: "staff", id: "duty-1" },
    profile,
  }).case;
const withStepDownsTo = (profile: Profile, stepDownsTo: Profile["features"]["stepDownsTo"]) =>
  profileSchema.parse({ ...profile, features: { ...profile.features, stepDownsTo } });

describe("rule 6.1: a step-down from Social Care goes where the profile sends it, never to screening unless it says so", () => {
  it("Family Solutions: straight to allocation, neither screened nor presented at MAAM", () => {
    const kase = stepDown(familySolutions);
    expect(kase.state).toBe("awaiting-allocation");
    expect(kase.events.map((e) => e.type)).toEqual(["contact.received"]);
  });

  it("Bexley (seed 002 §2): to the weekly transfer panel, skipping consent and the Front Door", () => {
    const kase = stepDown(bexley);
    expect(kase.state).toBe("awaiting-transfer-panel");
    expect(kase.events.map((e) => e.type)).toEqual(["contact.received", "transfer-panel.requested"]);
  });

  it("a profile that says so sends it through its front door like any contact", () => {
    expect(stepDown(withStepDownsTo(familySolutions, "front-door")).state).toBe("awaiting-screening");
    expect(stepDown(withStepDownsTo(bexley, "front-door")).state).toBe("awaiting-consent");
  });

  it("a profile without a say sends it to allocation", () => {
    const { features: _features, ...silent } = familySolutions;
    expect(profileSchema.parse(silent).features.stepDownsTo).toBe("allocation");
  });

  it("a profile sending step-downs to a transfer panel it does not hold is refused", () => {
    expect(crossCheckProfile(withStepDownsTo(familySolutions, "transfer-panel"))).toEqual([
      expect.objectContaining({ field: "features.stepDownsTo" }),
    ]);
  });
});
