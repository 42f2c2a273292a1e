import type { AppDeps } from "../app/app-deps.js";
import { projectCases } from "../app/project-cases.js";
import { syncInbox } from "../app/sync-inbox.js";
import { describeError } from "../logging/logger.js";
import { isMailboxBusy } from "../ports/mailbox.js";
import { drainEmailOutbox } from "./mail-jobs.js";
import { notifiedRounds } from "./notified-rounds.js";

/** How often the letters are drained (and changed cases projected) while an inbox round runs. */
const OUTBOX_TICK_MS = 500;
/** How long the pump waits, while this instance's scheduler is projecting, before trying again. */
const PROJECTOR_BUSY_MS = 200;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a job when asked, one at a time: a request while it runs asks for one more run after it (notifications
 * arrive in bursts; each is only a hint that the delta has something new).
 */
export interface Trigger {
  request(): void;
  /** Resolves when nothing is running or waiting (tests and shutdown). */
  idle(): Promise<void>;
}

export function createTrigger(run: () => Promise<void>, onError: (error: unknown) => void): Trigger {
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async (): Promise<void> => {
    do {
      again = false;
      try {
        await run();
      } catch (error) {
        onError(error);
      }
    } while (again);
    running = undefined;
  };
  return {
    request() {
      if (running) again = true;
      else running = loop();
    },
    async idle() {
      while (running) await running;
    },
  };
}

/** The inbox round a notification asks for, with the letters it leads to sent while it still reads. */
export interface InboxPump {
  /** New mail may have arrived unseen: read the inbox soon. */
  readonly inbox: Trigger;
  /** Letters are waiting: send them soon. */
  readonly letters: Trigger;
  /** Cases changed: write their worklists, deadlines and compliance rows soon. */
  readonly projections: Trigger;
  /** Graph announced new mail: read the inbox soon, and again a minute later if that round finds nothing. */
  notified(): void;
  /** Cancels a look still to come (shutdown). */
  stop(): void;
}

export function createInboxPump(deps: AppDeps, holderId: string): InboxPump {
  const onError = (event: string) => (error: unknown) => deps.logger.error(event, describeError(error));
  // Projected after the letters: sending one records it on its case, which marks the case again.
  const projections = createTrigger(async () => {
    // This instance's scheduler may be projecting: waited for, so what was marked before is projected when this is
    // idle. Another instance projecting goes on until nothing is marked, ours included.
    for (;;) {
      const round = await projectCases(deps, `${holderId}~pump`);
      if (round.ran || round.heldBy !== holderId) return;
      await sleep(PROJECTOR_BUSY_MS);
    }
  }, onError("projection.round.failed"));
  // Letters go out while the inbox round still reads, several at once (the outbox claim keeps each to one sender).
  const letters = createTrigger(async () => {
    await drainEmailOutbox(deps);
    projections.request();
  }, onError("outbox.round.failed"));
  // Its own lease holder, so that this round and the scheduler's safety-net round exclude each other too.
  const rounds = notifiedRounds(
    () => syncInbox(deps, `${holderId}~notified`),
    () => inbox.request(),
  );
  const inbox: Trigger = createTrigger(
    async () => {
      const ticker = setInterval(() => letters.request(), OUTBOX_TICK_MS);
      try {
        await rounds.run();
      } finally {
        clearInterval(ticker);
        letters.request();
      }
    },
    (error) => {
      onError("inbox.round.failed")(error);
      // Exchange asked us to wait: the round runs again when it says, not at the next notification (which may not come).
      if (isMailboxBusy(error)) setTimeout(() => inbox.request(), error.retryAfterSeconds * 1000).unref();
    },
  );
  return {
    inbox,
    letters,
    projections,
    notified() {
      rounds.notified();
      inbox.request();
    },
    stop: () => rounds.stop(),
  };
}
