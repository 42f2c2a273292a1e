import type { TokenCredential } from "@azure/identity";
import { Client, HTTPMessageHandler, ResponseType } from "@microsoft/microsoft-graph-client";
import { traceGraphCall } from "../logging/telemetry.js";
import type { Clock } from "../ports/clock.js";
import { CREDENTIAL_FAILURE, GraphPolicyMiddleware, type TokenSource } from "./graph-middleware.js";
import { responseError } from "./graph-response.js";
import { credentialFailed, unavailable } from "./errors.js";
import {
  defaultRetryPolicy,
  newGraphMetrics,
  realSleeper,
  RequestGate,
  type GraphMetrics,
  type RetryPolicy,
  type Sleeper,
} from "./request-policy.js";

export const GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";
export const GRAPH_SCOPES = ["https://graph.microsoft.com/.default"];

export interface GraphClientOptions {
  /** `https://graph.microsoft.com/v1.0` in production; the local stand-in's `http://127.0.0.1:4000/v1.0`. */
  readonly baseUrl?: string;
  /** App-only credential; a static token only against a local (loopback) stand-in. */
  readonly credential: TokenCredential | { readonly staticToken: string };
  readonly scopes?: readonly string[];
  /** Requests in flight at once; Graph allows 4 per app per mailbox, so one client serves one mailbox. */
  readonly maxConcurrent?: number;
  readonly metrics?: GraphMetrics;
  readonly retry?: RetryPolicy;
  /** Retry-After pauses and request timing are measured on it. */
  readonly clock: Clock;
  readonly sleeper?: Sleeper;
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";

export interface RequestOptions {
  /** What we were doing, in an admin's words ("read the inbox changes"), for error messages. */
  readonly operation: string;
  /** What a 404 means here ("message abc"), for the not-found message. */
  readonly resource?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The one place that talks to Graph through `@microsoft/microsoft-graph-client`, so that moving to
 * `@microsoft/msgraph-sdk` touches this folder only. Answers are JSON or nothing; failures are typed errors.
 */
export class GraphClient {
  constructor(
    private readonly client: Client,
    readonly baseUrl: string,
    readonly metrics: GraphMetrics,
    private readonly clock: Clock,
    readonly retryPolicy: RetryPolicy,
    private readonly gate: RequestGate,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** This process's share of the mailbox's concurrent requests (instances share Graph's 4; see graph-slots). */
  setMaxConcurrent(requests: number): void {
    this.gate.setCapacity(requests);
  }

  /** Makes every following request to this mailbox wait, as after a 429 (used for throttled `$batch` parts). */
  pauseFor(seconds: number): void {
    this.gate.pauseUntil(this.clock.now().getTime() + seconds * 1000);
  }

  get<T>(path: string, options: RequestOptions): Promise<T> {
    return this.#send("GET", path, undefined, options) as Promise<T>;
  }

  post<T>(path: string, body: unknown, options: RequestOptions): Promise<T | undefined> {
    return this.#send("POST", path, body, options) as Promise<T | undefined>;
  }

  patch<T>(path: string, body: unknown, options: RequestOptions): Promise<T | undefined> {
    return this.#send("PATCH", path, body, options) as Promise<T | undefined>;
  }

  async delete(path: string, options: RequestOptions): Promise<void> {
    await this.#send("DELETE", path, undefined, options);
  }

  /**
   * The first `maxBytes` of a raw resource (an attachment's `$value`) as UTF-8 text; the rest is never read, so a
   * large returned message costs no more than its headers.
   */
  getTextPrefix(path: string, maxBytes: number, options: RequestOptions): Promise<string> {
    return this.#answer("GET", path, undefined, options, async (response) => {
      const chunks: Buffer[] = [];
      let read = 0;
      const reader = response.body?.getReader();
      while (reader && read < maxBytes) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(Buffer.from(value));
        read += value.byteLength;
      }
      await reader?.cancel();
      return Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8");
    });
  }

  /**
   * Graph's `@odata.nextLink` / `@odata.deltaLink` are absolute; the SDK appends anything that is not https to its
   * base URL, so we hand it the path. A link to another host is refused: our token must not go there.
   */
  relativeLink(link: string): string {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(link)) return link.replace(/^\/+/, "");
    const base = this.baseUrl.replace(/\/+$/, "") + "/";
    if (link.toLowerCase().startsWith(base.toLowerCase())) return link.slice(base.length);
    throw unavailable("follow a paging link", `the link does not point at ${this.baseUrl}`);
  }

  #send(method: Method, path: string, body: unknown, options: RequestOptions): Promise<unknown> {
    return this.#answer(method, path, body, options, async (response) => {
      const text = await response.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    });
  }

  /**
   * One request, its failure as a typed error, its answer as `read` takes it. Each request is a dependency in
   * telemetry, named for what it does (the URL names the mailbox and messages).
   */
  #answer<T>(
    method: Method,
    path: string,
    body: unknown,
    options: RequestOptions,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    return traceGraphCall(method, options.operation, new URL(this.baseUrl).host, async (span) => {
      const response = await this.#request(method, path, body, options);
      span.setAttribute("http.response.status_code", response.status);
      if (!response.ok) {
        throw await responseError(response, {
          ...options,
          now: this.clock.now(),
          defaultRetrySeconds: this.retryPolicy.defaultBackoffSeconds,
        });
      }
      return read(response);
    });
  }

  async #request(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
    const request = this.client.api(path).responseType(ResponseType.RAW);
    if (options.headers) request.headers({ ...options.headers });
    try {
      return (await (method === "GET"
        ? request.get()
        : method === "POST"
          ? request.post(body ?? {})
          : method === "PATCH"
            ? request.patch(body)
            : request.delete())) as Response;
    } catch (error) {
      // The SDK wraps what our middleware or fetch threw in its own error, keeping the name as `code`.
      if ((error as { code?: unknown }).code === CREDENTIAL_FAILURE) throw credentialFailed(options.operation);
      throw unavailable(options.operation, error instanceof Error ? error.message : "no answer");
    }
  }
}

export const createGraphClient = (options: GraphClientOptions): GraphClient => {
  const baseUrl = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, "");
  const url = new URL(baseUrl);
  const version = url.pathname.replace(/^\/+|\/+$/g, "");
  const { clock } = options;
  const metrics = options.metrics ?? newGraphMetrics();
  const policy = options.retry ?? defaultRetryPolicy;
  const gate = new RequestGate(options.maxConcurrent ?? 4, clock, options.sleeper ?? realSleeper);
  const middleware = new GraphPolicyMiddleware(tokenSource(options, url), {
    gate,
    clock,
    metrics,
    policy,
  });
  middleware.setNext(new HTTPMessageHandler());
  const client = Client.initWithMiddleware({
    baseUrl: url.origin,
    defaultVersion: version,
    middleware,
    // Not used for auth (our middleware sets the header for every request), but the SDK validates hosts with it.
    customHosts: new Set([url.hostname]),
  });
  return new GraphClient(client, baseUrl, metrics, clock, policy, gate);
};

const isLoopback = (url: URL): boolean => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

const tokenSource = (options: GraphClientOptions, url: URL): TokenSource => {
  const { credential } = options;
  if ("staticToken" in credential) {
    if (!isLoopback(url)) {
      throw new RangeError(`A static Graph token is for the local stand-in only, not for ${url.origin}.`);
    }
    return { token: async () => credential.staticToken };
  }
  const scopes = [...(options.scopes ?? GRAPH_SCOPES)];
  return {
    token: async () => {
      const token = await credential.getToken(scopes);
      if (!token) throw unavailable("get an access token", "the credential returned no token");
      return token.token;
    },
  };
};
