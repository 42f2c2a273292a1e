import { sleep } from "./wait.js";

/**
 * Sends `count` items: at `perSecond` on a fixed schedule (a late send never makes the next one early), or as fast
 * as `concurrency` senders allow when no rate is given. Resolves to the instant the first send started.
 */
export async function sendAll(
  count: number,
  send: (index: number) => Promise<void>,
  pace: { readonly perSecond?: number; readonly concurrency?: number },
): Promise<number> {
  const startedAt = Date.now();
  if (pace.perSecond !== undefined) {
    const gapMs = 1000 / pace.perSecond;
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const due = startedAt + i * gapMs;
      if (due > Date.now()) await sleep(due - Date.now());
      inFlight.push(send(i));
    }
    await Promise.all(inFlight);
    return startedAt;
  }
  let next = 0;
  const worker = async () => {
    while (next < count) await send(next++);
  };
  await Promise.all(Array.from({ length: pace.concurrency ?? 4 }, worker));
  return startedAt;
}
