/**
 * Runs the inbox round when asked, one at a time: a request while a round is running asks for one more round
 * after it (notifications arrive in bursts; each is only a hint that the delta has something new).
 */
export interface InboxSyncTrigger {
  request(): void;
  /** Resolves when no round is running or waiting (tests and shutdown). */
  idle(): Promise<void>;
}

export function createInboxSyncTrigger(
  round: () => Promise<void>,
  onError: (error: unknown) => void,
): InboxSyncTrigger {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await round();
      } catch (error) {
        onError(error);
      }
    } while (again);
    running = undefined;
  };
  return {
    request() {
      if (running) again = true;
      else running = run();
    },
    async idle() {
      while (running) await running;
    },
  };
}
