import type { CentreAreas, FrontDoorRouteBy } from "../../domain/intake/area-routing.js";
import type { AuditLog } from "../../ports/audit.js";
import type { CentreRef } from "../../ports/centres.js";
import type { RecordStore } from "../../ports/records.js";
import type { AppDeps } from "../app-deps.js";
import type { InboxRoundDeps } from "../sync-inbox.js";

/** A centre the county's shared Front Door address routes to: its name, the areas it declares, its own deps. */
export interface FrontDoorCentre {
  readonly ref: CentreRef;
  readonly areas: CentreAreas;
  readonly deps: AppDeps;
}

/**
 * Which centre a Front Door email was routed to, claimed before it is handed over (keyed by the email's id in the
 * shared mailbox), so that two duty workers choosing different centres at once send it to one of them only.
 */
export interface FrontDoorRoute {
  readonly centre: string;
  readonly by: FrontDoorRouteBy;
  /** The duty worker who routed it from the county triage queue (staff id and name). */
  readonly personId?: string;
  readonly personName?: string;
  /** UTC ISO-8601. */
  readonly at: string;
}

/** The county's shared Front Door address: its own ledger, delta link and leases, and every centre it routes to. */
export interface FrontDoorDeps extends InboxRoundDeps, Pick<AppDeps, "mailContext"> {
  readonly centres: readonly FrontDoorCentre[];
  readonly routes: RecordStore<FrontDoorRoute>;
  /** The county's audit: who routed what to which centre, and who read an email waiting in triage. */
  readonly audit: AuditLog;
}

/** Why an email waits in the county triage queue rather than at a centre: the area rule found no one centre. */
export const UNROUTED_REASONS = ["no-area-named", "no-centre-covers", "several-centres"] as const;
export const isUnrouted = (reason: string | undefined): boolean =>
  (UNROUTED_REASONS as readonly (string | undefined)[]).includes(reason);

/** Its centre's intake set aside what the area rule sent it: a person chooses again. */
export const SET_ASIDE_BY_CENTRE = "set-aside-by-centre";

/**
 * Waits for a person to choose its centre: no one centre named, set aside by the centre it was sent to, or given up
 * on after failures. The rest was set aside as not a referral (an autoreply, a bounce), routable all the same.
 */
export const waitsForACentre = (entry: { readonly state: string; readonly reason?: string }): boolean =>
  entry.state === "quarantined" || isUnrouted(entry.reason) || entry.reason === SET_ASIDE_BY_CENTRE;
