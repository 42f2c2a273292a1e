import { describe, expect, it } from "vitest";
import { findReferrerFields } from "../../../../src/domain/mail/referrer-fields.js";

const K256 = 256 * 1024;

describe("issue 19 the referrer's fields read in linear time", () => {
  // The line pattern this replaced backtracked over runs of spaces: 1,000 spaces took 35 s, 256 KB would never end.
  it.each([
    ["spaces", " ".repeat(K256)],
    ["spaces before a colon", `${" ".repeat(K256 - 1)}:`],
    ["quote marks and bullets", "> • * ".repeat(K256 / 6)],
    ["separators", "a |\t".repeat(K256 / 4)],
    ["labels with no value", "Referrer name\n".repeat(K256 / 14)],
  ])("reads 256 KB of %s at once", (_, body) => {
    const started = performance.now();
    findReferrerFields(body);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("still reads 'Label: value', 'Label | value' and a value on the line after its label", () => {
    expect(
      findReferrerFields("> Referrer name: Jo Bloggs\nReferrer email | jo@x.example |\nAgency:\nHillside School"),
    ).toEqual([{ name: "Jo Bloggs", email: "jo@x.example", organisation: "Hillside School" }]);
  });
});
