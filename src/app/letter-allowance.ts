import { EMPTY_PACE_WINDOW, paceLetter, type LetterPaceLimits } from "../domain/mail/letter-pace.js";
import { isWriteRace } from "../ports/errors.js";
import type { AppDeps } from "./app-deps.js";

/** Exchange's sending limits per mailbox. */
export const EXCHANGE_LETTER_PACE: LetterPaceLimits = { perMinute: 30, recipientsPerDay: 10_000 };

const PACE_KEY = "mailbox";

/**
 * Takes one send from the mailbox's pace before a letter goes: true when it may go now, else the instant to try
 * again (the letter stays pending, never failed). Counted in the centre's own tables, ETag-guarded, so every
 * instance and every concurrent sender shares the one window. A send taken and then refused by Exchange is not
 * given back: the pace errs on the slow side.
 */
export async function takeLetterAllowance(
  deps: Pick<AppDeps, "letterPace" | "centre" | "clock">,
  letter: { readonly recipients: number; readonly acknowledgement: boolean },
): Promise<true | Date> {
  const limits = deps.centre.letterPace ?? EXCHANGE_LETTER_PACE;
  for (;;) {
    const current = await deps.letterPace.get(PACE_KEY);
    const answer = paceLetter(current?.value ?? EMPTY_PACE_WINDOW, letter, limits, deps.clock.now());
    if (!answer.go) return answer.retryAt;
    try {
      await deps.letterPace.put(PACE_KEY, answer.window, current?.etag);
      return true;
    } catch (error) {
      if (!isWriteRace(error)) throw error;
    }
  }
}
