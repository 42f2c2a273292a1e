import { englandAndWalesBankHolidays } from "../../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../../src/domain/calendar/create-calendar.js";
import type { Case } from "../../../../src/domain/case.js";
import { deadlines } from "../../../../src/domain/rules/deadlines.js";
import type { Deadline } from "../../../../src/domain/rules/deadline.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { aCase, type CaseBuilder } from "../../../../dev/builders/case-builder.js";

export const familySolutions = loadProfile("family-solutions");
export const bexley = loadProfile("bexley");
export const london = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2026, 2027) });
export const timeZone = london.timeZone;

/** The family name every shared-chat test hunts for in the card JSON. */
export const FAMILY_NAME = "Bloggs";

/** A case that carries the family's and child's names, as the Cases partition holds them. */
export function bloggsCase(builder: CaseBuilder = aCase()): Case {
  return {
    ...builder.build(),
    summary: "RfS · 2 children",
    family: { name: `${FAMILY_NAME} family`, children: [`Alfie ${FAMILY_NAME}`, `Maisie ${FAMILY_NAME}`] },
  };
}

/** The case's clocks as the domain computes them at `now`. */
export const clocksAt = (kase: Case, now: string, profile = familySolutions): Deadline[] =>
  deadlines(kase, profile, london, new Date(now));

export { aCase };
