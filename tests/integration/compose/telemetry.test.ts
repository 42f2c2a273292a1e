import { useInstrumenter } from "@azure/core-tracing";
import { createOpenTelemetryInstrumenter } from "@azure/opentelemetry-instrumentation-azure-sdk";
import type { AzureMonitorOpenTelemetryOptions } from "@azure/monitor-opentelemetry";
import { metrics, trace } from "@opentelemetry/api";
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTelemetry, type Telemetry, type TelemetrySdk } from "../../../src/compose/telemetry-from-config.js";
import { loadConfig } from "../../../src/compose/config.js";
import { eventually, startLocalStack, type LocalStack } from "../../support/local-stack.js";

/**
 * Azure Monitor's distribution itself is not started here: it probes the Azure VM metadata address and posts to
 * Microsoft's endpoints. This SDK takes the same options (our scrubbing processor ahead of the exporter) and
 * exports to memory, so what would leave the process can be read.
 */
const spans = new InMemorySpanExporter();
const metricsOut = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricsOut, exportIntervalMillis: 3_600_000 });
let given: AzureMonitorOpenTelemetryOptions | undefined;
let tracerProvider: NodeTracerProvider | undefined;
let meterProvider: MeterProvider | undefined;
const inMemory: TelemetrySdk = {
  start(options) {
    given = options;
    tracerProvider = new NodeTracerProvider({
      spanProcessors: [...(options.spanProcessors ?? []), new SimpleSpanProcessor(spans)],
    });
    tracerProvider.register();
    meterProvider = new MeterProvider({ readers: [reader] });
    metrics.setGlobalMeterProvider(meterProvider);
    useInstrumenter(createOpenTelemetryInstrumenter()); // the Azure SDK's own spans, as the distribution bridges them
  },
  async shutdown() {
    await tracerProvider?.shutdown();
    await meterProvider?.shutdown();
  },
};

// What the fixture's email carries: the referrer, the family, the subject and the body.
const PERSONAL = ["Tomasz", "Nowak", "tomasz.nowak", "nhs.example", "Elm Court", "Riverside Surgery", "isolation"];
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/;
const MESSAGE_ID = "<otel.referral.7@nhs.example>";

let stack: LocalStack;
let telemetry: Telemetry;
let exported: string;

beforeAll(async () => {
  stack = await startLocalStack(inject("azuriteConnectionString"), "Otel");
  const configured = loadConfig({
    FC_MODE: "local",
    APPLICATIONINSIGHTS_CONNECTION_STRING: "InstrumentationKey=00000000-0000-4000-8000-000000000000",
  });
  telemetry = await startTelemetry(configured, [stack.service.deps.outbox], stack.service.deps.clock, inMemory);

  await stack.sendFixture("rfs-gp-surgery.eml", (raw) => raw.replace(/^Message-ID: .*$/m, `Message-ID: ${MESSAGE_ID}`));
  await stack.service.syncNow();
  await eventually(async () => expect(await stack.sentItems()).toHaveLength(1));
  const { token } = (await (
    await fetch(`${stack.service.url}/api/dev/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ staffId: "demo-admin" }),
    })
  ).json()) as { token: string };
  const lookup = await fetch(
    `${stack.service.url}/api/mail/lookup?internetMessageId=${encodeURIComponent(MESSAGE_ID)}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect(lookup.status).toBe(200);
  await fetch(`${stack.service.url}/tab/tomasz.nowak@nhs.example`);

  await tracerProvider?.forceFlush();
  await reader.forceFlush();
  exported = JSON.stringify({
    spans: spans.getFinishedSpans().map((s) => ({
      name: s.name,
      kind: s.kind,
      attributes: s.attributes,
      events: s.events,
      status: s.status,
    })),
    metrics: metricsOut.getMetrics(),
  });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await telemetry?.close();
  trace.disable();
  metrics.disable();
});

const finished = () => spans.getFinishedSpans();

describe("telemetry", () => {
  it("is handed to Azure Monitor with the scrubber ahead of its exporter, and Live Metrics and URL capture off", () => {
    expect(given?.enableLiveMetrics).toBe(false);
    expect(given?.instrumentationOptions?.http?.enabled).toBe(false);
    expect(given?.spanProcessors?.map((p) => p.constructor.name)).toEqual(["PersonalDataScrubber"]);
  });

  it("records requests by route, Graph and storage dependencies, job runs, and inbox and outbox lag", () => {
    const names = finished().map((s) => s.name);
    expect(names).toContain("GET /api/mail/lookup");
    expect(names).toContain("GET /tab/*");
    expect(names.some((n) => n.startsWith("POST /api/graph/"))).toBe(true);
    expect(names).toContain("Graph GET");
    expect(finished().some((s) => s.attributes["az.namespace"] === "Microsoft.Data.Tables")).toBe(true);
    expect(names.some((n) => n.startsWith("job "))).toBe(true);
    const metricNames = metricsOut
      .getMetrics()
      .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.descriptor.name)));
    expect(metricNames).toEqual(expect.arrayContaining(["fc.job.runs", "fc.inbox.lag", "fc.outbox.lag"]));
  });

  it("carries no name, email address, subject or body of the email it handled", () => {
    for (const text of PERSONAL) expect(exported).not.toContain(text);
    expect(exported).not.toMatch(EMAIL);
  });
});
