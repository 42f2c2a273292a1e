import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { sendWithRetry, type SendDeps } from "./request-policy.js";

export interface TokenSource {
  token(): Promise<string>;
}

/** Ids must not change when a message moves folder (e.g. a sent draft lands in Sent Items). */
export const IMMUTABLE_ID_PREFERENCE = 'IdType="ImmutableId"';

/** Name the SDK gives our token failure (it keeps only `name` and message of errors thrown here). */
export const CREDENTIAL_FAILURE = "GraphCredentialFailure";

/**
 * Our own middleware in place of the SDK's auth handler, which does not send the token to a plain-http custom
 * host such as the local stand-in. On every request: the bearer token, `Prefer: IdType="ImmutableId"` (merged
 * with any other preference such as `odata.maxpagesize`), the per-mailbox concurrency gate, Retry-After retries
 * and the request counter.
 */
export class GraphPolicyMiddleware implements Middleware {
  #next: Middleware | undefined;

  constructor(
    private readonly tokens: TokenSource,
    private readonly deps: SendDeps,
  ) {}

  setNext(next: Middleware): void {
    this.#next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.#next;
    if (!next) throw new Error("GraphPolicyMiddleware needs a next handler.");
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as ConstructorParameters<typeof Headers>[0]);
    headers.set("Prefer", withImmutableIds(headers.get("Prefer")));
    const deps = { ...this.deps, weight: batchWeight(context) };
    context.response = await sendWithRetry(async () => {
      headers.set("Authorization", `Bearer ${await this.#token()}`);
      const attempt: Context = { ...context, options: { ...options, headers: Object.fromEntries(headers) } };
      await next.execute(attempt);
      if (!attempt.response) throw new Error("Graph HTTP handler returned no response.");
      return attempt.response;
    }, deps);
  }

  async #token(): Promise<string> {
    try {
      return await this.tokens.token();
    } catch (error) {
      const failure = new Error(error instanceof Error ? error.message : "no token");
      failure.name = CREDENTIAL_FAILURE;
      throw failure;
    }
  }
}

/** Graph runs up to this many parts of one `$batch` at the same time. */
export const BATCH_PARTS_AT_ONCE = 4;

/** A `$batch` takes as many of the mailbox's concurrent slots as parts Graph runs at once; anything else one. */
export const batchWeight = (context: Context): number => {
  const url = typeof context.request === "string" ? context.request : context.request.url;
  if (!new URL(url).pathname.endsWith("/$batch")) return 1;
  const body = context.options?.body;
  const parts = typeof body === "string" ? (JSON.parse(body) as { requests?: unknown[] }).requests?.length : undefined;
  return Math.min(parts ?? BATCH_PARTS_AT_ONCE, BATCH_PARTS_AT_ONCE);
};

export const withImmutableIds = (prefer: string | null): string => {
  const others = (prefer ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part && !/^IdType\s*=/i.test(part));
  return [IMMUTABLE_ID_PREFERENCE, ...others].join(", ");
};
