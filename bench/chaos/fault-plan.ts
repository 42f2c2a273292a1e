import { seededRandom } from "../../dev/m365/graph-format.js";
import type { FaultSettings } from "../../dev/m365/faults.js";

/** One thing the run does to the system at `atMs` (real milliseconds after the first email is sent). */
export type FaultAction =
  | { readonly kind: "kill-service" }
  | { readonly kind: "stand-in"; readonly change: Partial<FaultSettings>; readonly label: string }
  | { readonly kind: "expire-delta-tokens" }
  | { readonly kind: "remove-subscription" }
  | { readonly kind: "reauthorization-required" }
  | { readonly kind: "restart-azurite" }
  | { readonly kind: "start-second-instance" };

export interface PlannedFault {
  readonly atMs: number;
  readonly action: FaultAction;
}

export interface FaultPlanSizes {
  /** How long the emails are sent over; every fault happens within it. */
  readonly runMs: number;
  readonly kills: number;
  readonly notificationWindows: number;
  readonly throttleStorms: number;
  readonly deltaExpiries: number;
  readonly subscriptionRemovals: number;
  /** Graph's reauthorizationRequired challenges, in the middle half of the run (delivery pauses until answered). */
  readonly reauthorizations: number;
  readonly azuriteRestarts: number;
  /** From this share of `runMs` on, two instances run side by side (and no more kills). */
  readonly twoInstancesFrom: number;
}

const QUIET_START_MS = 3_000;

/**
 * Exchange as slow as it gets, for the whole run (issue 20): a sent letter takes up to 30 s to reach Sent Items
 * (meanwhile a draft, then in no folder), a fifth of the /send answers are lost after the send, createReply leaves
 * its message's marker out, and a new message takes 3 s to show in delta after it was notified.
 */
export const SLOW_EXCHANGE: Partial<FaultSettings> = {
  sentItemsDelayMs: { min: 2_000, max: 30_000 },
  dropSendResponses: 0.2,
  createReplyDropsMarker: true,
  deltaLagMs: 3_000,
};

/**
 * The run's faults, drawn from `seed` alone so that `--seed` repeats a run's plan exactly. Kills fall in the
 * single-instance part; windowed faults (notification and throttle faults) are switched on, then back off.
 */
export function planFaults(seed: number, sizes: FaultPlanSizes): PlannedFault[] {
  const random = seededRandom(seed);
  const between = (from: number, to: number) => Math.round(from + random() * (to - from));
  const singleUntil = Math.round(sizes.runMs * sizes.twoInstancesFrom);
  const anywhere = () => between(QUIET_START_MS, sizes.runMs * 0.95);
  const faults: PlannedFault[] = [];
  const at = (atMs: number, action: FaultAction) => faults.push({ atMs, action });

  // Kills spread over the single-instance part, one per slot, so that no two land on one restart.
  const slot = (singleUntil - QUIET_START_MS) / sizes.kills;
  for (let i = 0; i < sizes.kills; i++)
    at(Math.round(QUIET_START_MS + slot * (i + 0.1 + random() * 0.8)), { kind: "kill-service" });

  for (let i = 0; i < sizes.notificationWindows; i++) {
    const start = anywhere();
    const change = {
      dropNotifications: Math.round(random() * 60) / 100,
      duplicateNotifications: Math.round(random() * 60) / 100,
      reorderNotifications: random() < 0.5,
    };
    at(start, { kind: "stand-in", change, label: "notifications dropped/duplicated/reordered" });
    at(start + between(8_000, 20_000), {
      kind: "stand-in",
      change: { dropNotifications: 0, duplicateNotifications: 0, reorderNotifications: false },
      label: "notifications normal",
    });
  }
  for (let i = 0; i < sizes.throttleStorms; i++) {
    const start = anywhere();
    const status = random() < 0.5 ? 429 : 503;
    const throttle = { status, probability: 0.5 + Math.round(random() * 40) / 100, retryAfterSeconds: between(1, 3) };
    at(start, { kind: "stand-in", change: { throttle } as Partial<FaultSettings>, label: `${status} storm` });
    at(start + between(5_000, 15_000), { kind: "stand-in", change: { throttle: null }, label: "storm over" });
  }
  for (let i = 0; i < sizes.deltaExpiries; i++) at(anywhere(), { kind: "expire-delta-tokens" });
  for (let i = 0; i < sizes.subscriptionRemovals; i++) at(anywhere(), { kind: "remove-subscription" });
  for (let i = 0; i < sizes.reauthorizations; i++)
    at(between(sizes.runMs * 0.25, sizes.runMs * 0.75), { kind: "reauthorization-required" });
  for (let i = 0; i < sizes.azuriteRestarts; i++) at(anywhere(), { kind: "restart-azurite" });
  at(singleUntil, { kind: "start-second-instance" });
  return faults.sort((a, b) => a.atMs - b.atMs);
}

export const describeFault = (action: FaultAction): string =>
  action.kind === "stand-in" ? `stand-in: ${action.label}` : action.kind;
