import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the bot made to the Bot Connector service. */
export interface ConnectorCall {
  readonly method: "POST" | "PUT";
  readonly conversationId: string;
  /** The activity replied to (POST …/activities/{id}) or updated (PUT …/activities/{id}). */
  readonly activityId?: string;
  readonly activity: Record<string, unknown>;
}

export interface FakeConnector {
  /** Use as the activities' `serviceUrl`. */
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** How many sends were answered 429. */
  throttledCount(): number;
  /** Answer the next `count` sends with 429, with this Retry-After (seconds) if given. */
  throttleNext(count: number, retryAfterSeconds?: number): void;
  /** Adaptive Cards the bot sent (or updated), in order. */
  cards(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?$/;

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/**
 * A tiny Bot Connector: records what the bot posts to /v3/conversations/{id}/activities (new messages and
 * replies) and PUTs (updates), and answers with activity ids as Teams does. Can throttle to prove back-off.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let throttled = 0;
  let retryAfter: number | undefined;
  let nextId = 1;
  let refused = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const match = ACTIVITIES.exec(new URL(req.url ?? "/", "http://localhost").pathname);
      if (!match || (req.method !== "POST" && req.method !== "PUT")) {
        res.writeHead(404).end();
        return;
      }
      const activity = await bodyOf(req);
      if (throttled > 0) {
        throttled--;
        refused++;
        const wait = retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
        res.writeHead(429, { ...wait, "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: { code: "TooManyRequests", message: "throttled" } }));
        return;
      }
      const conversationId = decodeURIComponent(match[1] ?? "");
      const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
      calls.push({ method: req.method, conversationId, ...(activityId ? { activityId } : {}), activity });
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ id: req.method === "PUT" && activityId ? activityId : `activity-${nextId++}` }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    throttledCount: () => refused,
    throttleNext(count, seconds) {
      throttled = count;
      retryAfter = seconds;
    },
    cards: () =>
      calls.flatMap((call) => {
        const attachments = (call.activity.attachments ?? []) as Array<{ contentType?: string; content?: unknown }>;
        return attachments
          .filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
          .map((a) => a.content as Record<string, unknown>);
      }),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
