import type { AzureMonitorOpenTelemetryOptions } from "@azure/monitor-opentelemetry";
import { outboxLagSeconds } from "../app/outbox-lag.js";
import type { Config } from "./config.js";
import { PersonalDataScrubber } from "../logging/personal-data-scrubber.js";
import { observeOutboxLag } from "../logging/telemetry.js";
import type { Clock } from "../ports/clock.js";
import type { Outbox } from "../ports/outbox.js";

/** The OpenTelemetry distribution started with those options: Azure Monitor's. */
export interface TelemetrySdk {
  start(options: AzureMonitorOpenTelemetryOptions): void | Promise<void>;
  shutdown(): Promise<void>;
}

/** Loaded only when telemetry is configured: the distribution and its instrumentations hold some 50 MB of memory. */
const distribution = () => import("@azure/monitor-opentelemetry");

export const azureMonitor: TelemetrySdk = {
  start: async (options) => (await distribution()).useAzureMonitor(options),
  shutdown: async () => (await distribution()).shutdownAzureMonitor(),
};

export interface Telemetry {
  /** Sends what is buffered and stops. */
  close(): Promise<void>;
}

/**
 * What the service hands Azure Monitor. Its HTTP instrumentation is off: our own request spans carry the route
 * template, never the path or query, which can name a person (src/compose/request-telemetry.ts). Live Metrics is off: it
 * streams telemetry outside the scrubbing processor's reach. The scrubber sits ahead of the exporter.
 */
export function azureMonitorOptions(connectionString: string): AzureMonitorOpenTelemetryOptions {
  return {
    azureMonitorExporterOptions: { connectionString },
    enableLiveMetrics: false,
    instrumentationOptions: { http: { enabled: false } },
    spanProcessors: [new PersonalDataScrubber()],
  };
}

/**
 * Starts Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set (requests, Graph and storage dependencies,
 * job runs, inbox lag), and reports the outbox's lag at each metrics export. Without it nothing leaves the process.
 */
export async function startTelemetry(
  config: Config,
  outboxes: readonly Outbox[],
  clock: Clock,
  sdk = azureMonitor,
): Promise<Telemetry> {
  if (config.telemetry === undefined) return { close: async () => undefined };
  await sdk.start(azureMonitorOptions(config.telemetry.connectionString));
  // The oldest letter waiting in any centre's outbox.
  observeOutboxLag(async () =>
    Math.max(0, ...(await Promise.all(outboxes.map((outbox) => outboxLagSeconds(outbox, clock.now()))))),
  );
  return { close: () => sdk.shutdown() };
}
