import { DateTime } from "luxon";

const LONDON = "Europe/London";
const LOCAL_MINUTE = "yyyy-MM-dd'T'HH:mm";

/**
 * A `datetime-local` value read as London wall-clock time (as the practice framework measures it, whatever the
 * browser's own zone), as a UTC instant for the API; undefined when it is not a date and time.
 */
export function londonLocalToInstant(local: string): string | undefined {
  const at = DateTime.fromISO(local, { zone: LONDON });
  return at.isValid ? (at.toUTC().toISO() ?? undefined) : undefined;
}

/** `now` as a `datetime-local` value in London: the latest an event can have happened. */
export function londonLocalMinute(now: Date): string {
  return DateTime.fromJSDate(now, { zone: LONDON }).toFormat(LOCAL_MINUTE);
}
