import type { AppDeps } from "../app/app-deps.js";
import type { Config } from "./config.js";
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

/** Every adapter and policy the use cases need, built once from configuration (server and CLI alike). */
export async function appDepsFromConfig(config: Config, logger: Logger, clock: Clock): Promise<Composed> {
  const tables = await storeFromConfig(config);
  const centre = await centreCalendar(config.practice, tables.settings, clock);
  const policy = await centreProfile(loadProfile(config.practice.profileId), centre.settings);
  const store: Store = { ...tables, settings: policy.settings };
  const graph = graphFromConfig(config, logger, clock);
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
      groupMailbox: config.mailbox.address,
      earlyHelpDesk: config.mailbox.earlyHelpDesk,
      ownMarker: { header: "x-fc-outbox-key" },
      caseReferencePattern: /FC-\d{4}-\d{6}/,
    },
    centre: {
      name: config.mailbox.centreName,
      mailbox: config.mailbox.address,
      maxAcksPerSenderPerDay: config.mailbox.maxAcksPerSenderPerDay,
      letterInTransitMinutes: config.mailbox.letterInTransitMinutes,
      acknowledgeWithinHours: config.mailbox.acknowledgeWithinHours,
      ...(config.mailbox.intakeFrom === undefined ? {} : { intakeFrom: config.mailbox.intakeFrom }),
    },
  };
  return { deps, store, graph };
}
