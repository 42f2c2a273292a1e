import { DateTime } from "luxon";
import { CliUsageError } from "./errors.js";

// An instant needs its offset: "2026-12-26T10:00" alone could be GMT or BST, so it is refused rather than guessed.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Reads `--at`: an ISO-8601 date and time with its UTC offset. */
export function parseInstant(text: string, option: string): Date {
  const parsed = WITH_OFFSET.test(text) ? DateTime.fromISO(text, { setZone: true }) : undefined;
  if (!parsed?.isValid) {
    throw new CliUsageError(
      `${option} "${text}" is not an ISO-8601 instant. Give the date, time and offset, ` +
        `e.g. 2026-12-26T10:00:00Z or 2026-06-10T00:30:00+01:00.`,
    );
  }
  return parsed.toJSDate();
}
