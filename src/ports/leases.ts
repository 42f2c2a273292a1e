export interface Lease {
  readonly name: string;
  readonly holderId: string;
  readonly expiresAt: string;
  readonly etag: string;
}

export type LeaseResult =
  | { readonly acquired: true; readonly lease: Lease }
  | { readonly acquired: false; readonly heldBy: string; readonly until: string };

/** Keeps each job (and each inbox round) to one instance at a time. */
export interface Leases {
  acquire(name: string, holderId: string, ttlMs: number, now: Date): Promise<LeaseResult>;
  renew(lease: Lease, ttlMs: number, now: Date): Promise<LeaseResult>;
  release(lease: Lease): Promise<void>;
}

/** Every lease the store holds now, lapsed or not (a released lease has no row): a short list, read whole. */
export interface LeaseBook {
  list(): Promise<readonly Lease[]>;
}
