import type { AppDeps } from "../app/app-deps.js";
import type { CentreConfig, Config } from "./config.js";
import type { Logger } from "../logging/logger.js";
import { loadProfile } from "../policy/profiles/index.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../store/store.js";
import { centreCalendar } from "./centre-calendar.js";
import { centreProfile } from "./centre-profile.js";
import { graphFromConfig, type GraphParts } from "./graph-from-config.js";
import { storeFromConfig } from "./store-from-config.js";

export interface Composed {
  readonly deps: AppDeps;
  readonly store: Store;
  readonly graph: GraphParts;
}

/**
 * Every adapter and policy one centre's use cases need, built once from configuration (server and CLI alike): its
 * own tables, mailbox, profile and calendar. The CLI's centre is the first unless it names another.
 */
export async function appDepsFromConfig(
  config: Config,
  logger: Logger,
  clock: Clock,
  served: CentreConfig = config.centres[0],
): Promise<Composed> {
  const tables = await storeFromConfig(config, served);
  const centre = await centreCalendar(served.practice, tables.settings, clock);
  const policy = await centreProfile(loadProfile(served.practice.profileId), centre.settings);
  const store: Store = { ...tables, settings: policy.settings };
  const graph = graphFromConfig(config, served.mailbox, logger, clock);
  const deps: AppDeps = {
    ...store,
    mailbox: graph.mailbox,
    // Read on every use: a local-practice timescale saved in Settings applies at once (src/compose/centre-profile.ts).
    get profile() {
      return policy.current();
    },
    calendar: centre.calendar,
    clock,
    logger,
    mailContext: {
      groupMailbox: served.mailbox.address,
      earlyHelpDesk: served.mailbox.earlyHelpDesk,
      ownMarker: { header: "x-fc-outbox-key" },
      caseReferencePattern: /FC-\d{4}-\d{6}/,
    },
    centre: {
      name: served.mailbox.centreName,
      mailbox: served.mailbox.address,
      maxAcksPerSenderPerDay: served.mailbox.maxAcksPerSenderPerDay,
      letterInTransitMinutes: served.mailbox.letterInTransitMinutes,
      letterPace: served.mailbox.letterPace,
      acknowledgeWithinHours: served.mailbox.acknowledgeWithinHours,
      ...(served.mailbox.intakeFrom === undefined ? {} : { intakeFrom: served.mailbox.intakeFrom }),
    },
  };
  return { deps, store, graph };
}
