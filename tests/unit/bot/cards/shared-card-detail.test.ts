import { describe, expect, it } from "vitest";
import { maamAgendaCards, type MaamAgendaView } from "../../../../bot/cards/maam-agenda.js";
import { screeningAgendaCards, type ScreeningAgendaView } from "../../../../bot/cards/screening-agenda.js";
import { cardText } from "../../../support/adaptive-card.js";
import { aCase, bloggsCase, clocksAt, FAMILY_NAME, familySolutions, timeZone } from "./card-fixtures.js";

const now = "2026-12-01T09:15:00Z";
const kase = {
  ...bloggsCase(aCase().withId("FC-2026-000123").receivedAt("2026-11-27T16:30:00Z")),
  referrer: {
    name: "Dr Amy Patel",
    email: "amy.patel@nhs.example",
    organisation: "Riverside Surgery",
    confirmed: true,
  },
};
const screening = (detail?: ScreeningAgendaView["detail"]): ScreeningAgendaView => ({
  timeZone,
  now,
  date: "2026-12-01",
  outcomes: familySolutions.screeningOutcomes,
  workers: [],
  items: [{ case: kase, clocks: clocksAt(kase, now), etag: 'W/"7"' }],
  ...(detail ? { detail } : {}),
});
const maam = (detail?: MaamAgendaView["detail"]): MaamAgendaView => ({
  timeZone,
  now,
  date: "2026-12-01",
  outcomes: familySolutions.panels.find((p) => p.id === "maam")?.outcomes ?? [],
  workers: [],
  items: [{ case: kase, etag: 'W/"7"' }],
  ...(detail ? { detail } : {}),
});
const agendas = [
  ["screening", (d?: ScreeningAgendaView["detail"]) => cardText(screeningAgendaCards(screening(d)))],
  ["MAAM", (d?: MaamAgendaView["detail"]) => cardText(maamAgendaCards(maam(d)))],
] as const;

describe.each(agendas)("the %s agenda in its group chat", (_name, agendaText) => {
  it("by default shows the case reference and kind, and no name, initials or referrer", () => {
    const json = agendaText();
    expect(json).toContain("FC-2026-000123 · Request for Support");
    for (const never of [FAMILY_NAME, "Alfie", "A.B.", "Amy Patel", "amy.patel", "Riverside Surgery"])
      expect(json).not.toContain(never);
  });

  it("shows the children's initials, and still no name, when the centre chose initials", () => {
    const json = agendaText("with-initials");
    expect(json).toContain("FC-2026-000123 · Request for Support · RfS · 2 children · A.B., M.B.");
    expect(json).not.toContain(FAMILY_NAME);
    expect(json).not.toContain("Riverside Surgery");
  });

  it("shows the referrer's organisation, never the referrer, when the centre chose it", () => {
    const json = agendaText("with-referrer-organisation");
    expect(json).toContain("Referred by Riverside Surgery");
    expect(json).not.toContain("Amy Patel");
    expect(json).not.toContain(FAMILY_NAME);
  });
});
