/** Everything is shown in London time, as the practice framework measures it. */
const LONDON = "Europe/London";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const dateOnly = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
});

export const formatInstant = (iso: string): string => dateTime.format(new Date(iso));

/** A London calendar date (YYYY-MM-DD), read at noon UTC so no offset can move it to another day. */
export const formatLondonDate = (date: string): string => dateOnly.format(new Date(`${date}T12:00:00Z`));

/** Today's London date as YYYY-MM-DD, for the default reporting period. */
export function londonToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: LONDON }).format(now);
}
