import { describe, expect, it } from "vitest";
import { EMPTY_PACE_WINDOW, paceLetter, type LetterPaceWindow } from "../../../../src/domain/mail/letter-pace.js";

const LIMITS = { perMinute: 30, recipientsPerDay: 10_000 };
const ack = { recipients: 1, acknowledgement: true };
const other = { recipients: 1, acknowledgement: false };

/** Sends `count` letters at `at`, one after another, while the pace lets them; answers the window and how many went. */
function sendAt(window: LetterPaceWindow, count: number, letter: typeof ack, at: string) {
  let sent = 0;
  for (let i = 0; i < count; i++) {
    const answer = paceLetter(window, letter, LIMITS, new Date(at));
    if (!answer.go) return { window, sent, retryAt: answer.retryAt.toISOString() };
    window = answer.window;
    sent++;
  }
  return { window, sent, retryAt: undefined };
}

describe("the mailbox's letter pace", () => {
  it("is a sliding minute: 30 sends in any 60 s, the next when the oldest of them is a minute old", () => {
    const first = sendAt(EMPTY_PACE_WINDOW, 20, ack, "2026-12-01T10:00:30Z");
    const second = sendAt(first.window, 20, ack, "2026-12-01T10:01:10Z"); // a new calendar minute, the same 60 s
    expect(second).toMatchObject({ sent: 10, retryAt: "2026-12-01T10:01:30.000Z" });
    expect(sendAt(second.window, 40, ack, "2026-12-01T10:01:30Z")).toMatchObject({ sent: 20 });
  });

  it("keeps a third of each minute for acknowledgements: other letters stop at 20, acknowledgements go on to 30", () => {
    const others = sendAt(EMPTY_PACE_WINDOW, 30, other, "2026-12-01T10:00:00Z");
    expect(others.sent).toBe(20);
    expect(sendAt(others.window, 30, ack, "2026-12-01T10:00:05Z").sent).toBe(10);
  });

  it("counts recipients over the last 24 whole hours and says when the oldest hour leaves the day", () => {
    const window: LetterPaceWindow = {
      sentAt: [],
      recipientsByHour: { "2026-12-01T09:00:00.000Z": 9_999, "2026-11-29T09:00:00.000Z": 5_000 },
    };
    expect(paceLetter(window, ack, LIMITS, new Date("2026-12-01T10:15:00Z"))).toMatchObject({ go: true });
    expect(
      paceLetter(window, { recipients: 2, acknowledgement: true }, LIMITS, new Date("2026-12-01T10:15:00Z")),
    ).toEqual({ go: false, retryAt: new Date("2026-12-02T09:00:00.000Z") });
  });
});
