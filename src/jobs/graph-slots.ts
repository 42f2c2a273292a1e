import { describeError, type Logger } from "../logging/logger.js";
import type { Clock } from "../ports/clock.js";
import type { Lease, LeaseResult, Leases } from "../ports/leases.js";
import { systemTimer, type Timer } from "./scheduler.js";

/** Graph serves at most 4 requests per app per mailbox at once, whichever instance sends them. */
export const MAILBOX_SLOTS = 4;
/** A slot lapses this long after its holder last renewed it (a stopped instance's slots come free by themselves). */
const SLOT_TTL_MS = 60_000;
export const SLOT_TICK_MS = 15_000;

export interface GraphSlotDeps {
  readonly leases: Leases;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The mailbox whose slots these are. */
  readonly mailbox: string;
  readonly holderId: string;
  /** Gives this instance's Graph client its share of the mailbox's concurrent requests. */
  readonly setCapacity: (requests: number) => void;
}

export interface GraphSlots {
  /** Keeps, takes or gives back slots; answers how many this instance now holds. */
  tick(): Promise<number>;
  /** Gives every slot back (a clean shutdown; a crash lets them lapse). */
  stop(): Promise<void>;
}

/**
 * The mailbox's 4 concurrent requests, shared by every instance through the lease store: each slot is a lease
 * (`graph-slot~<mailbox>~0..3`), and an instance sends at most as many requests at once as it holds slots. Each tick
 * an instance renews its slots, takes free ones, and counts the other holders it meets; its fair share is
 * 4 ÷ (instances), and it gives back what it holds beyond that. An instance short of its share says so by holding a
 * `graph-slot-wanted~<mailbox>` lease, which the others meet on their next tick and make room for. A lease is a
 * table write, so slots are held from tick to tick, never taken per request.
 */
export function graphSlots(deps: GraphSlotDeps): GraphSlots {
  const { leases, clock, holderId } = deps;
  const slotName = (slot: number) => `graph-slot~${deps.mailbox}~${slot}`;
  const wantedName = `graph-slot-wanted~${deps.mailbox}`;
  const held = new Map<number, Lease>();
  let wanted: Lease | undefined;

  const keep = async (lease: Lease | undefined, name: string, others: Set<string>): Promise<Lease | undefined> => {
    const now = clock.now();
    const result: LeaseResult =
      lease === undefined
        ? await leases.acquire(name, holderId, SLOT_TTL_MS, now)
        : await leases.renew(lease, SLOT_TTL_MS, now);
    if (result.acquired) return result.lease;
    if (result.heldBy !== "") others.add(result.heldBy);
    return undefined;
  };

  return {
    async tick() {
      const others = new Set<string>();
      for (let slot = 0; slot < MAILBOX_SLOTS; slot++) {
        const lease = await keep(held.get(slot), slotName(slot), others);
        if (lease) held.set(slot, lease);
        else held.delete(slot);
      }
      wanted = await keep(wanted, wantedName, others);
      const share = Math.max(1, Math.floor(MAILBOX_SLOTS / (others.size + 1)));
      for (const slot of [...held.keys()].sort((a, b) => b - a)) {
        if (held.size <= share) break;
        await leases.release(held.get(slot) as Lease);
        held.delete(slot);
      }
      if (wanted && held.size >= share) {
        await leases.release(wanted);
        wanted = undefined;
      }
      deps.setCapacity(held.size);
      return held.size;
    },
    async stop() {
      for (const lease of [...held.values(), ...(wanted ? [wanted] : [])]) await leases.release(lease);
      held.clear();
      wanted = undefined;
    },
  };
}

/**
 * Starts sharing: one tick before the service sends anything (until then, one request at a time), then one every
 * SLOT_TICK_MS. A tick that fails (the lease store briefly unreachable) keeps the share as it was.
 */
export async function startGraphSlots(
  deps: GraphSlotDeps,
  timer: Timer = systemTimer,
): Promise<{ stop(): Promise<void> }> {
  const slots = graphSlots(deps);
  let handle: unknown;
  let stopped = false;
  const tick = async () => {
    try {
      await slots.tick();
    } catch (error) {
      deps.logger.warn("graph.slots.failed", describeError(error));
    }
    if (!stopped) handle = timer.set(() => void tick(), SLOT_TICK_MS);
  };
  deps.setCapacity(1);
  await tick();
  return {
    async stop() {
      stopped = true;
      timer.clear(handle);
      await slots.stop();
    },
  };
}
