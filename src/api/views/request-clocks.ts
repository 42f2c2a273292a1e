import type { ClockDeps } from "./clock-view.js";

/**
 * One request's clocks: every case on the page is read against the same `now`, read once from the clock. (The
 * calendar remembers its own day boundaries; a per-request memo over it measured no faster.)
 */
export function requestClocks(deps: ClockDeps): ClockDeps {
  const now = deps.clock.now();
  return { profile: deps.profile, calendar: deps.calendar, clock: { now: () => new Date(now) } };
}
