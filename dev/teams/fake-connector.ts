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

/** A send Teams refused, and why. */
export interface RefusedCall {
  readonly method: string;
  readonly conversationId: string;
  readonly status: number;
  readonly code: string;
  /** The request's size as Teams counts it: its JSON as UTF-16. */
  readonly utf16Bytes: number;
}

export interface FakeConnector {
  /** Use as the activities' `serviceUrl`. */
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** Every send refused (413 too large, 403 blocked, failures asked for), in order; 429s are counted apart. */
  readonly refused: RefusedCall[];
  /** How many sends were answered 429. */
  throttledCount(): number;
  /** Answer the next `count` sends with 429, with this Retry-After (seconds) if given. */
  throttleNext(count: number, retryAfterSeconds?: number): void;
  /** Answer the next `count` sends with this status (412, 502, 504…). */
  failNext(count: number, status: number): void;
  /** The bot is blocked, or the app uninstalled, in this conversation: Teams answers 403 MessageWritesBlocked. */
  block(conversationId: string): void;
  /** Every send to this conversation is answered with `status` (412, 502…) until told otherwise (0). */
  keepFailing(conversationId: string, status: number): void;
  /** Adaptive Cards the bot sent (or updated), in order. */
  cards(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Teams refuses a bot message over 40 KB, counting its JSON as UTF-16 (two bytes a character). */
export const TEAMS_MESSAGE_LIMIT_BYTES = 40 * 1024;

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?$/;

const ERROR_CODES: Readonly<Record<number, string>> = {
  403: "MessageWritesBlocked",
  412: "PreconditionFailed",
  413: "MessageSizeTooBig",
  429: "TooManyRequests",
  502: "BadGateway",
  504: "GatewayTimeout",
};

async function textOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A tiny Bot Connector as strict as Teams: records what the bot posts to /v3/conversations/{id}/activities (new
 * messages and replies) and PUTs (updates), and answers with activity ids; refuses a message over 40 KB as UTF-16
 * with 413 `MessageSizeTooBig` and any send to a conversation that blocked the bot with 403 `MessageWritesBlocked`.
 * Can throttle (429) or fail (412, 502, 504) to prove back-off.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const refused: RefusedCall[] = [];
  const refusing = new Map<string, number>();
  const failing: { count: number; status: number } = { count: 0, status: 0 };
  let throttled = 0;
  let retryAfter: number | undefined;
  let nextId = 1;
  let throttledSends = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const match = ACTIVITIES.exec(new URL(req.url ?? "/", "http://localhost").pathname);
      if (!match || (req.method !== "POST" && req.method !== "PUT")) {
        res.writeHead(404).end();
        return;
      }
      const text = await textOf(req);
      const conversationId = decodeURIComponent(match[1] ?? "");
      const refuse = (status: number, headers: Record<string, string> = {}) => {
        const code = ERROR_CODES[status] ?? "Error";
        if (status === 429) throttledSends++;
        else refused.push({ method: req.method ?? "", conversationId, status, code, utf16Bytes: text.length * 2 });
        res.writeHead(status, { ...headers, "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: { code, message: `Teams refused the activity (${code}).` } }));
      };
      if (throttled > 0) {
        throttled--;
        return refuse(429, retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) });
      }
      if (failing.count > 0) {
        failing.count--;
        return refuse(failing.status);
      }
      const refusal = refusing.get(conversationId);
      if (refusal !== undefined) return refuse(refusal);
      if (text.length * 2 > TEAMS_MESSAGE_LIMIT_BYTES) return refuse(413);
      const activity = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
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
    refused,
    throttledCount: () => throttledSends,
    throttleNext(count, seconds) {
      throttled = count;
      retryAfter = seconds;
    },
    failNext(count, status) {
      failing.count = count;
      failing.status = status;
    },
    block: (conversationId) => void refusing.set(conversationId, 403),
    keepFailing: (conversationId, status) =>
      void (status === 0 ? refusing.delete(conversationId) : refusing.set(conversationId, status)),
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
