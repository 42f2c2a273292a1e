import type { Timescale } from "../domain/rules/timescale.js";

const UNIT_WORDS: Record<Timescale["unit"], [one: string, many: string]> = {
  hours: ["hour", "hours"],
  "calendar-days": ["calendar day", "calendar days"],
  "calendar-weeks": ["calendar week", "calendar weeks"],
  "working-days": ["working day", "working days"],
  "calendar-months": ["calendar month", "calendar months"],
  "working-hours": ["working hour", "working hours"],
};

/** "3 calendar days", "1 working day", "24 hours". */
export function describeTimescale({ amount, unit }: Timescale): string {
  const [one, many] = UNIT_WORDS[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}
