import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { formatInstant } from "./elements/london-time.js";
import { facts, heading, text } from "./elements/text.js";

/** To the duty chat: an email the service could not read after repeated tries, set aside so later mail flows. */
export interface QuarantineNoticeView {
  readonly timeZone: string;
  /** When Exchange received it (no sender, subject or body: the duty chat finds it in the mailbox by time). */
  readonly receivedAt?: string;
  /** The error code only, never the mail's content. */
  readonly reason: string;
  readonly attempts: number;
}

export function quarantineNoticeCard(view: QuarantineNoticeView): AdaptiveCardJson {
  return adaptiveCard([
    heading("An email could not be logged"),
    text(
      "The Family Centre mailbox holds an email the service could not read after several tries. It has been set " +
        "aside so that later mail is not held up. Please open it in the mailbox and log it by hand (or forward it " +
        "to the mailbox again); its timescales (rules 1.2 and 1.3) run from when it arrived.",
    ),
    facts([
      ["Received", view.receivedAt === undefined ? "not known" : formatInstant(view.receivedAt, view.timeZone)],
      ["Tries", String(view.attempts)],
      ["Error", view.reason],
    ]),
  ]);
}
