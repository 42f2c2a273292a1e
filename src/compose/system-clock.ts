import type { Clock } from "../ports/clock.js";

/** The wall clock, for the service and the CLI; everything below the composition root is given a `Clock`. */
export const systemClock: Clock = { now: () => new Date() };
