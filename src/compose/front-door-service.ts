import type { AppDeps } from "../app/app-deps.js";
import type { FrontDoorDeps, FrontDoorRoute } from "../app/front-door/front-door.js";
import { frontDoorIntake } from "../app/front-door/route-front-door-mail.js";
import { readInboxRound } from "../app/sync-inbox.js";
import { checkMailboxAtStart } from "../jobs/mail-jobs.js";
import { createScheduler, type Scheduler } from "../jobs/scheduler.js";
import type { Logger } from "../logging/logger.js";
import type { Clock } from "../ports/clock.js";
import { MailboxNotReadableError } from "../ports/mailbox.js";
import type { CountyStore } from "../store/county-store.js";
import { FRONT_DOOR_ID } from "../store/create-table-store.js";
import { appDepsFromConfig } from "./app-deps-from-config.js";
import { ConfigError, type CentreConfig, type Config } from "./config.js";

/** The county's shared Front Door address, read and routed to the centres (issue 21 §4). */
export interface FrontDoorService {
  readonly deps: FrontDoorDeps;
  start(): void;
  /** Reads the shared address now (on whichever instance holds its round) and waits for the round. */
  syncNow(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How often the shared address is read. It is a delta query (two Graph requests when nothing is new), and a routed
 * contact's clocks start when it reached the shared address, so polling costs the centres no time on their clocks.
 */
const READ_EVERY_MS = 30_000;
const JOB = "front-door-inbox";

/**
 * Composes the shared address: its own Graph client (its own throttle budget), ledger, delta link and leases in the
 * `frontdoor` tables, routing to the centres' own deps; one instance reads it at a time (the job's lease).
 */
export async function startFrontDoor(
  config: Config,
  frontDoor: NonNullable<Config["frontDoor"]>,
  centres: readonly { readonly centre: CentreConfig; readonly deps: AppDeps }[],
  county: CountyStore,
  options: { readonly logger: Logger; readonly clock: Clock; readonly instanceId: string },
): Promise<FrontDoorService> {
  const { clock, instanceId } = options;
  const logger = options.logger.child({ centre: FRONT_DOOR_ID });
  const [first] = config.centres;
  const served: CentreConfig = { ...first, id: FRONT_DOOR_ID, mailbox: frontDoor.mailbox };
  const { deps: own } = await appDepsFromConfig(config, logger, clock, served);
  await checkMailboxAtStart(own).catch((error: unknown) => {
    throw error instanceof MailboxNotReadableError
      ? new ConfigError([`FC_FRONT_DOOR_MAILBOX: ${error.message}`])
      : error;
  });
  const deps: FrontDoorDeps = {
    leases: own.leases,
    clock,
    mailbox: own.mailbox,
    sync: own.sync,
    messages: own.messages,
    logger,
    centre: own.centre,
    mailContext: own.mailContext,
    centres: centres.map(({ centre, deps: app }) => ({
      ref: { id: centre.id, name: centre.mailbox.centreName },
      areas: { id: centre.id, ...centre.areas },
      deps: app,
    })),
    routes: county.records<FrontDoorRoute>("front-door-routes"),
    audit: county.audit,
  };
  const round = () => readInboxRound(deps, instanceId, frontDoorIntake(deps));
  const scheduler: Scheduler = createScheduler({
    jobs: [{ name: JOB, everyMs: READ_EVERY_MS, leaseMs: 3 * READ_EVERY_MS, run: round }],
    leases: own.leases,
    clock,
    logger,
    holderId: instanceId,
  });
  return {
    deps,
    start: () => scheduler.start(),
    async syncNow() {
      await round();
    },
    close: () => scheduler.stop(),
  };
}
