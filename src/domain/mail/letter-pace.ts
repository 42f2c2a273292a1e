/**
 * Exchange's sending limits per mailbox: 30 messages a minute and 10,000 recipients a day. The window is kept as
 * data (one row per mailbox, shared by every instance) and decided here, with `now` passed in.
 */
export interface LetterPaceLimits {
  readonly perMinute: number;
  readonly recipientsPerDay: number;
}

/** What has been sent lately: each send of the last minute, and recipients per UTC hour of the last day. */
export interface LetterPaceWindow {
  readonly sentAt: readonly string[];
  readonly recipientsByHour: Readonly<Record<string, number>>;
}

export type PaceAnswer =
  { readonly go: true; readonly window: LetterPaceWindow } | { readonly go: false; readonly retryAt: Date };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_HOURS = 24;

export const EMPTY_PACE_WINDOW: LetterPaceWindow = { sentAt: [], recipientsByHour: {} };

const hourOf = (ms: number): string => new Date(ms - (ms % HOUR_MS)).toISOString();

/**
 * May one more letter go now? A sliding minute (never more than `perMinute` sends in any 60 s) and a day of 24
 * whole hours (recipients of the current hour and the 23 before it). Acknowledgements may use every send of the
 * minute; other letters leave a third of them free, for acknowledgements. The answer says when to ask again.
 */
export function paceLetter(
  window: LetterPaceWindow,
  letter: { readonly recipients: number; readonly acknowledgement: boolean },
  limits: LetterPaceLimits,
  now: Date,
): PaceAnswer {
  const at = now.getTime();
  const recent = window.sentAt.filter((sent) => Date.parse(sent) > at - MINUTE_MS).sort();
  const dayStart = Date.parse(hourOf(at)) - (DAY_HOURS - 1) * HOUR_MS;
  const hours = Object.entries(window.recipientsByHour).filter(([hour]) => Date.parse(hour) >= dayStart);
  const recipientsToday = hours.reduce((sum, [, count]) => sum + count, 0);
  const minuteLimit = letter.acknowledgement
    ? limits.perMinute
    : Math.max(1, limits.perMinute - Math.floor(limits.perMinute / 3));
  if (recipientsToday + letter.recipients > limits.recipientsPerDay) {
    // The oldest hour still counted leaves the day next.
    const oldest = Math.min(...hours.map(([hour]) => Date.parse(hour)), Date.parse(hourOf(at)));
    return { go: false, retryAt: new Date(oldest + DAY_HOURS * HOUR_MS) };
  }
  if (recent.length >= minuteLimit) {
    const freesAt = Date.parse(recent[recent.length - minuteLimit] as string) + MINUTE_MS;
    return { go: false, retryAt: new Date(freesAt) };
  }
  const hour = hourOf(at);
  return {
    go: true,
    window: {
      // At most a minute's worth is ever needed to decide.
      sentAt: [...recent, now.toISOString()].slice(-limits.perMinute),
      recipientsByHour: {
        ...Object.fromEntries(hours),
        [hour]: (window.recipientsByHour[hour] ?? 0) + letter.recipients,
      },
    },
  };
}
