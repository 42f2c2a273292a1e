import {
  context,
  metrics,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Meter,
  type Span,
} from "@opentelemetry/api";

/**
 * Traces and metrics through the OpenTelemetry API, under the same rule as the logs: ids, counts, codes and
 * durations only, never a name, an address, a subject or a body. Without an SDK (no
 * APPLICATIONINSIGHTS_CONNECTION_STRING) every call here is a no-op.
 */
export const TELEMETRY_NAME = "family-centre-front-door";

const tracer = () => trace.getTracer(TELEMETRY_NAME);

interface Instruments {
  readonly jobRuns: ReturnType<Meter["createCounter"]>;
  readonly jobDuration: ReturnType<Meter["createHistogram"]>;
  readonly inboxLag: ReturnType<Meter["createHistogram"]>;
}

// The metrics API has no proxy: a meter taken before the SDK starts stays a no-op, so instruments follow the meter.
let instrumentsOf: { readonly meter: Meter; readonly instruments: Instruments } | undefined;

function instruments(): Instruments {
  const meter = metrics.getMeter(TELEMETRY_NAME);
  if (instrumentsOf?.meter !== meter) {
    instrumentsOf = {
      meter,
      instruments: {
        jobRuns: meter.createCounter("fc.job.runs", { description: "Job runs by job and outcome" }),
        jobDuration: meter.createHistogram("fc.job.duration", { unit: "ms", description: "How long a job run took" }),
        inboxLag: meter.createHistogram("fc.inbox.lag", {
          unit: "s",
          description: "From an email's arrival in the mailbox to its being logged or set aside",
        }),
      },
    };
  }
  return instrumentsOf.instruments;
}

async function inSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      // The error's name and code only: its message may quote the mail.
      const code = (error as { code?: unknown }).code;
      span.setAttributes({
        "error.type": typeof code === "string" ? code : error instanceof Error ? error.name : "unknown",
      });
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * One run of a scheduled job: a span (its store and Graph calls nest under it) and its count and duration. The
 * duration is measured, not computed from the service's clock (which tests and the chaos run move).
 */
export async function traceJobRun<T>(job: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  let outcome = "failed";
  try {
    const result = await inSpan(`job ${job}`, SpanKind.INTERNAL, { "fc.job": job }, run);
    outcome = "ran";
    return result;
  } finally {
    instruments().jobRuns.add(1, { "fc.job": job, "fc.outcome": outcome });
    instruments().jobDuration.record(performance.now() - started, { "fc.job": job });
  }
}

/**
 * A call to Microsoft Graph as a dependency: named for the method, with what we were doing (a fixed phrase such
 * as "read the inbox changes") instead of the URL, which names the mailbox and messages.
 */
export function traceGraphCall<T>(
  method: string,
  operation: string,
  host: string,
  call: (span: Span) => Promise<T>,
): Promise<T> {
  return inSpan(
    `Graph ${method}`,
    SpanKind.CLIENT,
    { "http.request.method": method, "server.address": host, "fc.graph.operation": operation },
    call,
  );
}

/** Seconds from an email's arrival to its being handled; `outcome` is a code (logged, ignored, quarantined…). */
export function recordInboxLag(seconds: number, outcome: string): void {
  instruments().inboxLag.record(Math.max(0, seconds), { "fc.outcome": outcome });
}

/** Reports, at each metrics export, how long the oldest item still to send has waited (`read`: the outbox query). */
export function observeOutboxLag(read: () => Promise<number>): void {
  const gauge = metrics.getMeter(TELEMETRY_NAME).createObservableGauge("fc.outbox.lag", {
    unit: "s",
    description: "How long the oldest unsent letter or Teams message has waited",
  });
  // A failed read reports nothing this round rather than a zero that would look healthy.
  gauge.addCallback(async (result) => {
    const seconds = await read().catch(() => undefined);
    if (seconds !== undefined) result.observe(seconds);
  });
}

/**
 * An incoming request, handled inside its span so that what it calls nests under it. `finish` names it for its route
 * template (never the path, which can carry an address) once the answer is sent.
 */
export function traceRequest(method: string, handle: (finish: (route: string, status: number) => void) => void): void {
  const span = tracer().startSpan(method, { kind: SpanKind.SERVER, attributes: { "http.request.method": method } });
  const finish = (route: string, status: number) => {
    span.updateName(`${method} ${route}`);
    span.setAttributes({ "http.route": route, "http.response.status_code": status });
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  context.with(trace.setSpan(context.active(), span), () => handle(finish));
}
