import { SpanStatusCode } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { PersonalDataScrubber } from "../../../src/logging/personal-data-scrubber.js";

function exportedAfterScrubbing(record: (tracer: ReturnType<BasicTracerProvider["getTracer"]>) => void) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new PersonalDataScrubber(), new SimpleSpanProcessor(exporter)],
  });
  record(provider.getTracer("test"));
  const [span] = exporter.getFinishedSpans();
  if (span === undefined) throw new Error("no span was exported");
  return span;
}

describe("the telemetry scrubber", () => {
  it("masks email addresses in a span's name, attributes, events and status before any exporter sees them", () => {
    const span = exportedAfterScrubbing((tracer) => {
      const s = tracer.startSpan("GET /people/jo.smith@school.example", {
        attributes: { "error.message": "no mailbox jo.smith@school.example", tags: ["a@b.example", "ok"] },
      });
      s.addEvent("exception", { "exception.message": "Could not send to sam@home.example" });
      s.setStatus({ code: SpanStatusCode.ERROR, message: "refused by sam@home.example" });
      s.end();
    });
    expect(span.name).toBe("GET [email]"); // the logger's mask takes the whole token
    expect(span.attributes).toEqual({ "error.message": "no mailbox [email]", tags: ["[email]", "ok"] });
    expect(span.events[0]?.attributes).toEqual({ "exception.message": "Could not send to [email]" });
    expect(span.status.message).toBe("refused by [email]");
  });

  it("drops the caller's address and browser and cuts the query off URLs, keeping their path", () => {
    const span = exportedAfterScrubbing((tracer) =>
      tracer
        .startSpan("GET", {
          attributes: {
            "url.full": "https://fc.example/api/mail/lookup?internetMessageId=%3Cx%40y.example%3E",
            "http.target": "/api/cases/FC-2026-000123?note=hello",
            "client.address": "203.0.113.9",
            "user_agent.original": "Mozilla/5.0",
            "http.response.status_code": 200,
          },
        })
        .end(),
    );
    expect(span.attributes).toEqual({
      "url.full": "https://fc.example/api/mail/lookup",
      "http.target": "/api/cases/FC-2026-000123",
      "http.response.status_code": 200,
    });
  });
});
