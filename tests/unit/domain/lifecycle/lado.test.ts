import { describe, expect, it } from "vitest";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { act, caught, people } from "./act.js";

const profile = loadProfile("bexley");
const open = () => aCase().underProfile("bexley").receivedAt("2026-06-01T09:00:00Z").build();
const concern = { type: "recordAllegation", note: "A coach shouted at the child." } as const;
const notified = { type: "recordLadoNotification", note: "Notification form sent." } as const;
const answered = { type: "recordLadoResponse", note: "Employer to investigate." } as const;

describe("seed 004: a concern about a person who works with children goes to the LADO", () => {
  it("records the concern, the notification and the LADO's answer, in that order", () => {
    let kase = act(open(), profile, people.practitioner, "2026-06-02T10:00:00Z", concern).case;
    expect(caught(() => act(kase, profile, people.practitioner, "2026-06-02T11:00:00Z", answered)).message).toMatch(
      /not been notified/,
    );
    kase = act(kase, profile, people.practitioner, "2026-06-02T11:00:00Z", notified).case;
    expect(caught(() => act(kase, profile, people.practitioner, "2026-06-02T12:00:00Z", notified)).message).toMatch(
      /no concern recorded/,
    );
    kase = act(kase, profile, people.practitioner, "2026-06-03T10:00:00Z", answered).case;
    expect(kase.events.slice(-3).map((e) => e.type)).toEqual([
      "allegation.recorded",
      "lado.notified",
      "lado.responded",
    ]);
  });

  it("needs the words of each step", () => {
    expect(
      caught(() => act(open(), profile, people.practitioner, "2026-06-02T10:00:00Z", { ...concern, note: "" })).message,
    ).toMatch(/what the concern is/);
  });
});
