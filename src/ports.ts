/**
 * The small interfaces the core owns. Adapters (store/, graph/, bot/) implement them;
 * use cases (app/) and jobs depend only on these.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
