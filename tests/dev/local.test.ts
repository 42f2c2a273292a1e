import { describe, expect, it } from "vitest";
import { standInMailboxes } from "../../dev/local.js";

describe("the stand-in's mailboxes in local mode", () => {
  it("serves the service's own mailbox alone when FC_STANDIN_MAILBOXES is unset", () => {
    expect(standInMailboxes("familycentre@council.example", undefined)).toEqual([
      { address: "familycentre@council.example" },
    ]);
  });

  it("serves the service's own first, then each one FC_STANDIN_MAILBOXES names, once", () => {
    const listed = " familycentre2@council.example,FamilyCentre@council.example,, familycentre3@council.example ";
    expect(standInMailboxes("familycentre@council.example", listed).map((m) => m.address)).toEqual([
      "familycentre@council.example",
      "familycentre2@council.example",
      "familycentre3@council.example",
    ]);
  });
});
