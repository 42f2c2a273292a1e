import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { routeToCentres } from "../../bot/centres/centre-router.js";
import { countyRoutes } from "../api/routes/county-routes.js";
import { healthRoutes } from "../api/routes/health-routes.js";
import type { AppDeps } from "../app/app-deps.js";
import { pipelineLeases, startPipelineLeases, type MailPipeline } from "../jobs/pipeline-leases.js";
import { worstReadiness } from "../app/check-readiness.js";
import { createLogger, type Logger } from "../logging/logger.js";
import type { TransferRecord } from "../ports/centres.js";
import type { Clock } from "../ports/clock.js";
import type { StaffMember } from "../ports/records.js";
import type { CountyStore } from "../store/county-store.js";
import type { Store } from "../store/store.js";
import { tokenPolicyFromConfig } from "./api-from-config.js";
import { botCentres as countyBotCentres } from "./bot-centres.js";
import { centreApiRoutes } from "./centre-api-routes.js";
import { startCentre, type CentreService } from "./centre-service.js";
import { centresPort } from "./centre-transfers.js";
import type { Config } from "./config.js";
import { countyStoreFromConfig } from "./county-store-from-config.js";
import { startFrontDoor, type FrontDoorService } from "./front-door-service.js";
import { createHttpApp } from "./http-app.js";
import { refuseUnmigratedData } from "./migrate-from-config.js";
import { startDemoSeeding, type DemoSeeding } from "./local-mode/demo-history.js";
import { localModeAcrossCentres } from "./local-mode/local-centres.js";
import { systemClock } from "./system-clock.js";
import { startTelemetry } from "./telemetry-from-config.js";

export interface ServiceOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Identifies this instance in job leases. */
  readonly instanceId?: string;
}

export interface RunningService {
  readonly url: string;
  /** The first centre's (a one-centre deployment's only one). */
  readonly deps: AppDeps;
  readonly store: Store;
  /** Every centre served, the first first. */
  readonly centres: readonly CentreService[];
  readonly county: CountyStore;
  /** The county's shared Front Door address, where FC_FRONT_DOOR_MAILBOX names one. */
  readonly frontDoor?: FrontDoorService;
  /** Runs the shared Front Door address's round, then every centre's inbox round now and waits for them (and the letters and projections after them). */
  readonly syncNow: () => Promise<void>;
  /** Local mode with FC_DEMO=on: the demo centre's seeding, running in the background after start. */
  readonly demo?: DemoSeeding;
  close(): Promise<void>;
}

/** The composition root: configuration → each centre's adapters, use cases, API, bot and jobs → one HTTP surface. */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger((line) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? systemClock;
  const instanceId = options.instanceId ?? config.instanceId ?? randomUUID();
  await refuseUnmigratedData(config);
  const county = await countyStoreFromConfig(config);
  // Each centre as it starts: the county's ports (transfers, the bot's routing, the pipelines) reach it through here.
  const started = new Map<string, CentreService>();
  const centres: CentreService[] = [];
  const local =
    config.mode === "local"
      ? await localModeAcrossCentres(config, county, () => centres.map((c) => c.deps), logger)
      : undefined;
  const countyStaff = county.records<StaffMember>("staff");
  const ledger = county.records<TransferRecord>("transfers");
  // Several centres: one bot endpoint routes each turn to a centre's bot.
  const all = config.centres.map((c) => ({ id: c.id, name: c.mailbox.centreName }));
  const routed = (id: string) => {
    const centre = started.get(id);
    return centre && { identify: centre.identify, app: centre.deps };
  };
  const botCentres = config.centres.length > 1 ? countyBotCentres(all, routed, county, clock) : undefined;
  // Each mailbox's pipeline runs on the one instance holding its lease (src/jobs/pipeline-leases.ts).
  const pipelines = pipelineLeases({
    leases: county.leases,
    clock,
    logger,
    holderId: instanceId,
    centres: config.centres.map((c) => c.id),
    pipeline: (id) => started.get(id)?.pipeline as MailPipeline,
  });
  for (const centre of config.centres) {
    const others = centresPort(centre, config.centres, (id) => started.get(id)?.deps, ledger);
    const options = {
      logger,
      clock,
      instanceId,
      pipelines,
      countyStaff,
      ...(local ? { local } : {}),
      ...(others ? { centres: others } : {}),
      ...(botCentres ? { botCentres } : {}),
    };
    const service = await startCentre(config, centre, options);
    started.set(centre.id, service);
    centres.push(service);
  }
  const [first] = centres as [CentreService, ...CentreService[]];
  const frontDoor =
    config.frontDoor &&
    (await startFrontDoor(config, config.frontDoor, centres, county, { logger, clock, instanceId }));
  // One token policy for every centre's API: the caller's centres and the county's views verify the token once.
  const countyApi = countyRoutes(
    {
      tokens: tokenPolicyFromConfig(config, first.local),
      clock,
      centres: centres.map((c) => ({ id: c.centre.id, app: c.deps })),
      countyStaff,
      ...(frontDoor ? { frontDoor: frontDoor.deps } : {}),
    },
    logger,
  );
  const telemetry = await startTelemetry(
    config,
    centres.map((c) => c.deps.outbox),
    clock,
  );
  const http = createHttpApp({
    routers: [
      healthRoutes(async () => worstReadiness(await Promise.all(centres.map((c) => c.readiness())))),
      countyApi,
      centreApiRoutes(new Map(centres.map((c) => [c.centre.id, c.api]))),
      first.api,
      ...centres.map((c) => c.notifications),
    ],
    botHandler: routeToCentres(new Map(centres.map((c) => [c.centre.id, c.bot])), botCentres),
    production: config.mode === "production",
    rateLimits: config.http.rateLimits,
  });
  const server = await listen(http, config.http.host, config.http.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.http.port;

  for (const centre of centres) centre.start();
  frontDoor?.start();
  const leased = await startPipelineLeases(pipelines, logger);
  const demo = config.demo && first.local !== undefined ? startDemoSeeding(first.deps) : undefined;
  logger.info("service.started", {
    mode: config.mode,
    port,
    centres: centres.length,
    profiles: [...new Set(centres.map((c) => c.deps.profile.id))].join(","),
  });
  return {
    url: `http://${config.http.host}:${port}`,
    deps: first.deps,
    store: first.store,
    centres,
    county,
    ...(frontDoor === undefined ? {} : { frontDoor }),
    ...(demo === undefined ? {} : { demo }),
    syncNow: async () => {
      await frontDoor?.syncNow();
      await Promise.all(centres.map((c) => c.syncNow()));
    },
    async close() {
      await demo?.stop();
      await leased.close();
      await frontDoor?.close();
      await Promise.all(centres.map((c) => c.close()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await telemetry.close();
    },
  };
}

function listen(app: ReturnType<typeof createHttpApp>, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
