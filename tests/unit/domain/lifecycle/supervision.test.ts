import { describe, expect, it } from "vitest";
import { InvalidSupervisionError, SupervisionForbiddenError } from "../../../../src/domain/errors.js";
import { recordSupervision } from "../../../../src/domain/lifecycle/supervision.js";
import { people } from "./act.js";

describe("rule 11.6 supervision", () => {
  it("is recorded by a manager in the practitioner's own log", () => {
    const event = recordSupervision({
      practitionerId: "worker-3",
      ...people.manager,
      now: new Date("2027-01-15T16:00:00Z"),
      occurredAt: "2027-01-15T10:00:00Z",
    });
    expect(event).toEqual({
      type: "supervision.recorded",
      at: "2027-01-15T10:00:00.000Z",
      recordedAt: "2027-01-15T16:00:00.000Z",
      by: people.manager.actor,
      data: { practitionerId: "worker-3" },
    });
  });

  it("cannot be recorded by the practitioner themselves", () => {
    expect(() =>
      recordSupervision({ practitionerId: "worker-3", ...people.practitioner, now: new Date("2027-01-15T16:00:00Z") }),
    ).toThrow(SupervisionForbiddenError);
  });

  it("cannot be dated in the future", () => {
    expect(() =>
      recordSupervision({
        practitionerId: "worker-3",
        ...people.manager,
        now: new Date("2027-01-15T16:00:00Z"),
        occurredAt: "2027-01-16T10:00:00Z",
      }),
    ).toThrow(InvalidSupervisionError);
  });
});
