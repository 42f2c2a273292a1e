import type { Express } from "express";
import { z } from "zod";
import type { StandInContext } from "./context.js";
import { badRequest } from "./errors.js";

/** Graph's limit on requests in one `$batch`. */
const MAX_BATCH = 20;
/** Parts of one `$batch` Graph runs at the same time. */
const PARTS_AT_ONCE = 4;

const batchSchema = z.object({
  requests: z.array(
    z.object({
      id: z.string().min(1),
      method: z.string().min(1),
      url: z.string().min(1),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
      dependsOn: z.array(z.string()).optional(),
    }),
  ),
});

/** Marks a request replayed from a `$batch`, so that it is counted as a part, not as an HTTP request of its own. */
export const BATCH_PART_HEADER = "x-stand-in-batch-part";

/** Headers a batch response carries per request. */
const KEPT_HEADERS = ["content-type", "retry-after", "location", "preference-applied"];

/**
 * `POST /$batch`: each request is replayed against this server over HTTP, up to four at a time, so every one is
 * authenticated, throttled and counted against its own mailbox's concurrency, and may fail alone with 429, as
 * in Graph; the stats count it as a part of the one `$batch`.
 */
export function registerBatchRoute(app: Express, context: StandInContext): void {
  app.post("/v1.0/$batch", async (req, res) => {
    const parsed = batchSchema.safeParse(req.body);
    if (!parsed.success) throw badRequest("BadRequest", `The batch is not valid: ${parsed.error.message}`);
    const { requests } = parsed.data;
    if (requests.length > MAX_BATCH)
      throw badRequest("BadRequest", `A batch takes at most ${MAX_BATCH} requests; this one has ${requests.length}.`);
    if (new Set(requests.map((r) => r.id)).size !== requests.length)
      throw badRequest("BadRequest", "Batch request ids must be unique.");
    const answer = async (request: (typeof requests)[number]) => {
      const url = `${context.origin()}/v1.0/${request.url.replace(/^\/+/, "").replace(/^v1\.0\//i, "")}`;
      const hasBody = request.body !== undefined;
      const response = await fetch(url, {
        method: request.method.toUpperCase(),
        headers: {
          authorization: req.get("authorization") ?? "",
          ...(req.get("prefer") ? { prefer: req.get("prefer") } : {}),
          ...(hasBody ? { "content-type": "application/json" } : {}),
          ...request.headers,
          [BATCH_PART_HEADER]: "1",
        },
        body: hasBody ? JSON.stringify(request.body) : undefined,
      });
      const text = await response.text();
      const headers = Object.fromEntries(
        KEPT_HEADERS.flatMap((h) => (response.headers.get(h) ? [[h, response.headers.get(h)]] : [])),
      );
      const isJson = (response.headers.get("content-type") ?? "").includes("json");
      return {
        id: request.id,
        status: response.status,
        headers,
        ...(text === "" ? {} : { body: isJson ? JSON.parse(text) : Buffer.from(text).toString("base64") }),
      };
    };
    // Graph hands Exchange up to four parts at once: they count against their mailboxes' concurrency like any request.
    const responses: Awaited<ReturnType<typeof answer>>[] = new Array(requests.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < requests.length; i = next++) responses[i] = await answer(requests[i]!);
    };
    await Promise.all(Array.from({ length: Math.min(PARTS_AT_ONCE, requests.length) }, worker));
    res.json({ responses });
  });
}
