import { describe, expect, it } from "vitest";
import {
  DEFAULT_SHARED_CARD_DETAIL,
  initialsOf,
  sharedCaseDetail,
} from "../../../../src/domain/privacy/shared-card-detail.js";

const kase = {
  family: { name: "Bloggs family", children: ["Alfie Bloggs", "Maisie-May Bloggs"] },
  referrer: {
    name: "Dr Amy Patel",
    email: "amy.patel@nhs.example",
    organisation: "Riverside Surgery",
    confirmed: true,
  },
};

describe("minimal data on shared cards", () => {
  it("adds nothing to the reference and kind by default", () => {
    expect(DEFAULT_SHARED_CARD_DETAIL).toBe("reference-and-kind");
    expect(sharedCaseDetail(kase)).toBeUndefined();
    expect(sharedCaseDetail(kase, "reference-and-kind")).toBeUndefined();
  });

  it("with initials, shows the children's initials and never a name", () => {
    expect(sharedCaseDetail(kase, "with-initials")).toBe("A.B., M.M.B.");
  });

  it("with initials and no children recorded, shows the family's initial without the word 'family'", () => {
    expect(sharedCaseDetail({ family: { name: "Bloggs family" } }, "with-initials")).toBe("B.");
    expect(sharedCaseDetail({}, "with-initials")).toBeUndefined();
  });

  it("with the referrer's organisation, shows the organisation, never the referrer's name or email", () => {
    const shown = sharedCaseDetail(kase, "with-referrer-organisation");
    expect(shown).toBe("Referred by Riverside Surgery");
    expect(sharedCaseDetail({ referrer: { name: "Amy", confirmed: false } }, "with-referrer-organisation")).toBe(
      undefined,
    );
  });

  it("reads initials from letters only", () => {
    expect(initialsOf("  émile  o'neil ")).toBe("É.O.");
    expect(initialsOf("")).toBe("");
  });
});
