import type { Clock } from "../../../src/ports/clock.js";
import type { Sleeper } from "../../../src/graph/request-policy.js";

/** A clock that only moves when something sleeps: retries are tested without real waiting. */
export const fakeTime = (start: string): { clock: Clock; sleeper: Sleeper; sleeps: number[] } => {
  let now = Date.parse(start);
  const sleeps: number[] = [];
  return {
    clock: { now: () => new Date(now) },
    sleeper: {
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    },
    sleeps,
  };
};
