import type { AttributeValue, Attributes } from "@opentelemetry/api";
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { maskPersonalData } from "./logger.js";

/** Who made the request: a staff member's device address or browser is theirs, and no figure needs it. */
const DROPPED = new Set([
  "client.address",
  "http.client_ip",
  "net.peer.ip",
  "net.sock.peer.addr",
  "network.peer.address",
  "http.user_agent",
  "user_agent.original",
  "enduser.id",
  "url.query",
]);

/** URLs keep their path (ids) but lose the query, which can carry an address or a Message-ID. */
const URLS = new Set(["url.full", "http.url", "http.target"]);

const scrubValue = (key: string, value: AttributeValue): AttributeValue => {
  if (typeof value === "string") return maskPersonalData(URLS.has(key) ? value.replace(/\?.*$/s, "") : value);
  if (Array.isArray(value))
    return value.map((v) => (typeof v === "string" ? maskPersonalData(v) : v)) as AttributeValue;
  return value;
};

function scrubAttributes(attributes: Attributes): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (DROPPED.has(key)) delete attributes[key];
    else if (value !== undefined) attributes[key] = scrubValue(key, value);
  }
}

type MutableSpan = { name: string; status: { code: number; message?: string } };

/**
 * The telemetry twin of the logger's last line of defence: before any exporter sees a span (this processor is
 * registered ahead of them), it drops the caller's address, strips URL queries and masks anything that looks like
 * an email address in the name, attributes, events and status. What we record ourselves carries ids and codes
 * only; this catches what libraries (the Azure SDK's dependency spans, exception events) add.
 */
export class PersonalDataScrubber implements SpanProcessor {
  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    const mutable = span as unknown as MutableSpan;
    mutable.name = maskPersonalData(span.name);
    if (span.status.message !== undefined) {
      mutable.status = { ...span.status, message: maskPersonalData(span.status.message) };
    }
    scrubAttributes(span.attributes);
    for (const event of span.events) if (event.attributes) scrubAttributes(event.attributes);
    for (const link of span.links) scrubAttributes(link.attributes ?? {});
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
