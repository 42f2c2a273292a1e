/**
 * What readiness asks of the adapters: whether a backing service answers now, and what state the job leases are in.
 * Answers carry no names, ids or messages, because readiness is served to anyone who asks (a load balancer).
 */

/** A backing service that can be asked whether it answers; the promise rejects (any error) when it does not. */
export interface Reachable {
  ping(): Promise<void>;
}

/**
 * `held`: someone holds it and it has not lapsed. `available`: lapsed, so the next instance to ask takes it.
 * `stuck`: its expiry cannot be read, so no instance other than its holder would ever take it over.
 */
export type LeaseState = "held" | "available" | "stuck";

export interface LeaseStates {
  /** The state of every lease now present (a released lease has no row and is simply available). */
  leaseStates(now: Date): Promise<readonly LeaseState[]>;
}
