import type { Lease } from "../ports/leases.js";

/** The county's lease names: an instance's heartbeat, a mailbox's pipeline, a notification left for its holder. */
export const instanceLease = (holderId: string): string => `instance~${holderId}`;
export const pipelineLease = (centre: string): string => `pipeline~${centre}`;
export const notifiedLease = (centre: string, kind: string): string => `notified~${centre}~${kind}`;

export interface ShareView {
  /** Every centre served by the deployment, in configuration order. */
  readonly centres: readonly string[];
  readonly holderId: string;
  /** The centres whose pipeline lease this instance holds now. */
  readonly held: ReadonlySet<string>;
  /** Every lease row in the county's lease table. */
  readonly leases: readonly Lease[];
  readonly now: Date;
}

export interface SharePlan {
  /** Instances alive (an unlapsed heartbeat), this one included. */
  readonly live: number;
  /** ceil(centres ÷ live): the most pipelines this instance keeps. */
  readonly share: number;
  /** Free pipelines (no lease, or a lapsed one) to try to take, up to the share. */
  readonly take: readonly string[];
  /** Pipelines held beyond the share, to give back for a newer instance to take. */
  readonly giveBack: readonly string[];
  /** Notifications another instance received for a pipeline this one keeps: what they asked, and the row to clear. */
  readonly notified: ReadonlyArray<{ readonly centre: string; readonly kind: string; readonly lease: Lease }>;
}

const alive = (lease: Lease, now: Date) => Date.parse(lease.expiresAt) > now.getTime();

/** A spread that differs by instance, so that two instances taking at once mostly reach for different pipelines. */
const order = (holderId: string, centre: string): number => {
  let hash = 0;
  for (const char of `${holderId}~${centre}`) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return hash;
};

/**
 * Each instance keeps at most ceil(centres ÷ live instances) mailbox pipelines: it takes free ones up to that (a
 * dead instance's lapse after their TTL and count as free), and gives back its surplus when another instance
 * appears, the last in configuration order first. Pure: the lease rows and `now` in, what to do out.
 */
export function planShare(view: ShareView): SharePlan {
  const { centres, holderId, held, leases, now } = view;
  const byName = new Map(leases.map((lease) => [lease.name, lease]));
  const instances = new Set(
    leases.filter((l) => l.name.startsWith("instance~") && alive(l, now)).map((l) => l.holderId),
  );
  instances.add(holderId);
  const share = Math.ceil(centres.length / instances.size);
  const kept = centres.filter((centre) => held.has(centre));
  const giveBack = kept.slice(share).reverse();
  const free = centres.filter((centre) => {
    const lease = byName.get(pipelineLease(centre));
    return !held.has(centre) && (lease === undefined || !alive(lease, now));
  });
  const take = free.sort((a, b) => order(holderId, a) - order(holderId, b)).slice(0, Math.max(0, share - kept.length));
  const keeping = new Set(kept.slice(0, share));
  const notified = leases.flatMap((lease) => {
    const [prefix, centre, kind] = lease.name.split("~");
    return prefix === "notified" && centre !== undefined && kind !== undefined && keeping.has(centre)
      ? [{ centre, kind, lease }]
      : [];
  });
  return { live: instances.size, share, take, giveBack, notified };
}
