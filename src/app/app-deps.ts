import type { Calendar } from "../domain/calendar/calendar.js";
import type { LetterPaceLimits } from "../domain/mail/letter-pace.js";
import type { MailContext } from "../domain/mail/mail-context.js";
import type { Profile } from "../domain/rules/profile-schema.js";
import type { Logger } from "../logging/logger.js";
import type { Centres } from "../ports/centres.js";
import type { Clock } from "../ports/clock.js";
import type { Mailbox } from "../ports/mailbox.js";
import type { StoredState } from "../ports/stored-state.js";

/** The Family Centre the service answers for: its name in letters and its limits. */
export interface Centre {
  readonly name: string;
  readonly mailbox: string;
  readonly maxAcksPerSenderPerDay: number;
  /** Exchange's sending limits for the mailbox (30 a minute, 10,000 recipients a day) when not given. */
  readonly letterPace?: LetterPaceLimits;
  /**
   * How long a letter handed to Exchange may be on its way before the outbox acts again: sends the draft once more
   * if it is still a draft, or asks a person if it is nowhere. Sent Items is eventually consistent: until then,
   * a letter not found there is waited for, never sent again.
   */
  readonly letterInTransitMinutes: number;
  /** Mail received longer ago than this when it is logged is never acknowledged (a backlog after an outage). */
  readonly acknowledgeWithinHours: number;
  /**
   * Go-live: intake reads no mail received before it. Unset, the first inbox round's own start is kept as go-live,
   * so the mail already in the Inbox then is never taken for new contacts.
   */
  readonly intakeFrom?: string;
}

/**
 * Every port and policy the use cases may need, as the composition root (src/compose) wires them. Each use case
 * takes only what it uses (`Pick<AppDeps, …>`), so a test supplies just that.
 */
export interface AppDeps extends StoredState {
  readonly mailbox: Mailbox;
  readonly profile: Profile;
  readonly calendar: Calendar;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly mailContext: MailContext;
  readonly centre: Centre;
  /** The deployment's other centres (issue 21 §4: transfers); unset where there is only this one. */
  readonly centres?: Centres;
}
