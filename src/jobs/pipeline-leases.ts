import { describeError, type Logger } from "../logging/logger.js";
import type { Clock } from "../ports/clock.js";
import type { Lease, LeaseBook, Leases } from "../ports/leases.js";
import { instanceLease, notifiedLease, pipelineLease, planShare } from "./pipeline-share.js";
import { systemTimer, type Timer } from "./scheduler.js";

/** A pipeline or heartbeat not renewed for this long is taken for dead: another instance takes its mailboxes. */
export const PIPELINE_TTL_MS = 30_000;
export const PIPELINE_TICK_MS = 5_000;
/** A notification left for a holder that never reads it lapses, and a later one replaces it. */
const NOTIFIED_TTL_MS = 5 * 60_000;

/** One centre's mail pipeline (inbox pump and safety net, letters, subscription, Graph slots), run where held. */
export interface MailPipeline {
  start(): Promise<void>;
  /** Stops it and waits for what it was doing to finish. */
  stop(): Promise<void>;
  /** Another instance received a notification for this mailbox (`changed` or a lifecycle event). */
  notified(kind: string): void;
}

export interface PipelineLeaseDeps {
  readonly leases: Leases & LeaseBook;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly holderId: string;
  readonly centres: readonly string[];
  readonly pipeline: (centre: string) => MailPipeline;
}

export interface PipelineLeases {
  /** Renews what this instance holds, gives back its surplus, takes free pipelines; runs the notifications left. */
  tick(): Promise<void>;
  holds(centre: string): boolean;
  /** A notification for a pipeline another instance holds: left in the county's leases for its holder's next tick. */
  leaveNotification(centre: string, kind: string): Promise<void>;
  /** Stops every pipeline held and gives every lease back (a clean shutdown; a crash lets them lapse). */
  stop(): Promise<void>;
}

/**
 * Spreads the county's mailboxes over the live instances through `CountyLeases`: each instance keeps a heartbeat,
 * and holds (and renews) a pipeline lease for each mailbox it serves, at most its fair share (src/jobs/pipeline-share.ts).
 * A pipeline whose renewal fails was taken over (this instance stalled past the TTL): it stops at once. Nothing is
 * lost when an instance dies: intake is idempotent by the message ledger, the outbox exactly-once, and the rounds and
 * drains keep their own job leases in the centre's tables, so two holders for a moment never do the work twice.
 */
export function pipelineLeases(deps: PipelineLeaseDeps): PipelineLeases {
  const { leases, clock, logger, holderId } = deps;
  const held = new Map<string, Lease>();
  let heartbeat: Lease | undefined;

  const keepHeartbeat = async () => {
    const now = clock.now();
    const result = heartbeat
      ? await leases.renew(heartbeat, PIPELINE_TTL_MS, now)
      : await leases.acquire(instanceLease(holderId), holderId, PIPELINE_TTL_MS, now);
    heartbeat = result.acquired ? result.lease : undefined;
  };

  const letGo = async (centre: string, lease?: Lease) => {
    held.delete(centre);
    await deps.pipeline(centre).stop();
    if (lease) await leases.release(lease);
    logger.info("pipeline.released", { centre });
  };

  const renewHeld = async () => {
    for (const [centre, lease] of [...held]) {
      const renewed = await leases.renew(lease, PIPELINE_TTL_MS, clock.now());
      if (renewed.acquired) held.set(centre, renewed.lease);
      else await letGo(centre);
    }
  };

  return {
    async tick() {
      await keepHeartbeat();
      await renewHeld();
      const now = clock.now();
      const plan = planShare({
        centres: deps.centres,
        holderId,
        held: new Set(held.keys()),
        leases: await leases.list(),
        now,
      });
      for (const centre of plan.giveBack) await letGo(centre, held.get(centre));
      for (const centre of plan.take) {
        const taken = await leases.acquire(pipelineLease(centre), holderId, PIPELINE_TTL_MS, clock.now());
        if (!taken.acquired) continue;
        held.set(centre, taken.lease);
        logger.info("pipeline.taken", { centre, share: plan.share, live: plan.live });
        await deps.pipeline(centre).start();
      }
      for (const { centre, kind, lease } of plan.notified) {
        await leases.release(lease);
        deps.pipeline(centre).notified(kind);
      }
    },
    holds: (centre) => held.has(centre),
    async leaveNotification(centre, kind) {
      // Already left by another instance (held, unlapsed): one is enough, the holder reads the whole delta.
      await leases.acquire(notifiedLease(centre, kind), holderId, NOTIFIED_TTL_MS, clock.now());
    },
    async stop() {
      for (const [centre, lease] of [...held]) await letGo(centre, lease);
      if (heartbeat) await leases.release(heartbeat);
      heartbeat = undefined;
    },
  };
}

/**
 * The first tick before the service answers (a lone instance then serves every mailbox from the start), then one
 * every PIPELINE_TICK_MS. A tick that fails (the lease store briefly away) is logged; the next one tries again.
 */
export async function startPipelineLeases(
  coordinator: PipelineLeases,
  logger: Logger,
  timer: Timer = systemTimer,
): Promise<{ close(): Promise<void> }> {
  let handle: unknown;
  let stopped = false;
  let ticking: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await coordinator.tick();
    } catch (error) {
      logger.warn("pipeline.tick.failed", describeError(error));
    }
    if (!stopped) handle = timer.set(() => void (ticking = tick()), PIPELINE_TICK_MS);
  };
  await (ticking = tick());
  return {
    async close() {
      stopped = true;
      timer.clear(handle);
      await ticking;
      await coordinator.stop();
    },
  };
}

/**
 * A mailbox pipeline just taken over: the round, drain and Graph slot leases (`isPipelineLease`) another holder
 * left in the centre's table are cleared rather than waited out (an inbox round's lasts 5 minutes). The pipeline
 * lease is the authority: its previous holder lost it, so it is stopped or stalled, and a stalled one's next renewal
 * of a cleared lease fails and stops it. A lease of this instance's own (`<holderId>` or `<holderId>~…`) is kept.
 */
export async function clearStoppedHolder(
  book: LeaseBook,
  leases: Leases,
  holderId: string,
  isPipelineLease: (name: string) => boolean,
): Promise<void> {
  for (const lease of await book.list()) {
    const own = lease.holderId === holderId || lease.holderId.startsWith(`${holderId}~`);
    if (!own && isPipelineLease(lease.name)) await leases.release(lease);
  }
}
