import { describe, expect, it } from "vitest";
import { receivedSince, withIntakeStart } from "../../../src/app/inbox-bounds.js";
import { memoryApp } from "./memory-app.js";

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

  it("go-live is set once when the first round and the junk sweep start together on a new mailbox", async () => {
    const deps = memoryApp("2027-01-04T09:00:00Z");
    const [round, sweep] = await Promise.all([
      withIntakeStart(deps, new Date("2027-01-04T09:00:00Z")),
      withIntakeStart(deps, new Date("2027-01-04T09:00:05Z")),
    ]);
    expect(sweep.intakeFrom).toBe(round.intakeFrom);
    expect((await deps.sync.get("inbox"))?.value.intakeFrom).toBe(round.intakeFrom);
  });
});
