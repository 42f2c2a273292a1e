import { describe, expect, it } from "vitest";
import { ProfileError } from "../../../../src/policy/errors.js";
import { DEFAULT_PROFILE_ID, loadProfile, PROFILE_IDS } from "../../../../src/policy/profiles/index.js";

describe("loading a profile", () => {
  it("offers family-solutions (the default) and bexley", () => {
    expect(PROFILE_IDS).toEqual(["family-solutions", "bexley"]);
    expect(DEFAULT_PROFILE_ID).toBe("family-solutions");
  });

  it.each(PROFILE_IDS)("loads %s under its own id", (id) => {
    expect(loadProfile(id).id).toBe(id);
  });

  it("validates once and hands back the same profile afterwards", () => {
    expect(loadProfile("bexley")).toBe(loadProfile("bexley"));
  });

  it("refuses an unknown profile, naming the ones there are", () => {
    expect(() => loadProfile("kent")).toThrow(ProfileError);
    expect(() => loadProfile("kent")).toThrow(
      'There is no policy profile "kent": choose one of "family-solutions", "bexley".',
    );
    try {
      loadProfile("kent");
    } catch (error) {
      expect(error instanceof ProfileError && error.code).toBe("POLICY.UNKNOWN_PROFILE");
    }
  });
});
