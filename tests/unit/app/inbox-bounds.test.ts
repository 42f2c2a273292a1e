import { describe, expect, it } from "vitest";
import { receivedSince } from "../../../src/app/inbox-bounds.js";

describe("where a new inbox round or a resync reads from", () => {
  it("is go-live until a round has been read to its end", () => {
    expect(receivedSince("2027-01-04T09:00:00.000Z", undefined)).toBe("2027-01-04T09:00:00.000Z");
    expect(receivedSince("2027-01-04T09:00:00.000Z", { deltaLink: "x" })).toBe("2027-01-04T09:00:00.000Z");
  });

  it("is an hour before the last complete round, never before go-live", () => {
    const lastGoodAt = "2027-01-11T10:00:00.000Z";
    expect(receivedSince("2027-01-04T09:00:00.000Z", { lastGoodAt })).toBe("2027-01-11T09:00:00.000Z");
    expect(receivedSince("2027-01-11T09:30:00.000Z", { lastGoodAt })).toBe("2027-01-11T09:30:00.000Z");
  });

  it("is to the whole second, as Graph stamps receivedDateTime", () => {
    expect(receivedSince("2027-01-04T09:00:00.700Z", undefined)).toBe("2027-01-04T09:00:00.000Z");
  });
});
