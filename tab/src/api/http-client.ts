import { ApiError } from "./api-error.js";

export interface ApiResponse<T> {
  readonly data: T;
  /** The resource's ETag, to send back as If-Match on a change. */
  readonly etag?: string;
}

export type TokenSource = () => Promise<string>;

export interface HttpClient {
  get<T>(path: string): Promise<ApiResponse<T>>;
  /** A text download (the compliance CSV): it needs the token, so it cannot be a plain link. */
  getText(path: string, accept: string): Promise<string>;
  send<T>(
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    path: string,
    body?: unknown,
    etag?: string,
  ): Promise<ApiResponse<T>>;
}

/** fetch with the caller's token, JSON both ways, and the API's `{error:{code,message}}` turned into ApiError. */
export function createHttpClient(baseUrl: string, token: TokenSource, fetchImpl: typeof fetch = fetch): HttpClient {
  const request = async (method: string, path: string, accept: string, body?: unknown, etag?: string) => {
    const headers: Record<string, string> = { Accept: accept, Authorization: `Bearer ${await token()}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (etag !== undefined) headers["If-Match"] = etag;
    const response = await fetchImpl(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw errorFrom(response.status, await response.json().catch(() => undefined));
    return response;
  };
  const call = async <T>(method: string, path: string, body?: unknown, etag?: string): Promise<ApiResponse<T>> => {
    const response = await request(method, path, "application/json", body, etag);
    const json: unknown = response.status === 204 ? undefined : await response.json();
    return { data: json as T, etag: response.headers.get("ETag") ?? undefined };
  };
  return {
    get: (path) => call("GET", path),
    getText: async (path, accept) => (await request("GET", path, accept)).text(),
    send: (method, path, body, etag) => call(method, path, body, etag),
  };
}

function errorFrom(status: number, json: unknown): ApiError {
  const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (typeof error?.code === "string" && typeof error.message === "string")
    return new ApiError(error.code, error.message, status);
  return new ApiError(
    "TAB.UNEXPECTED_RESPONSE",
    `The service answered ${status} without an explanation. Reload the tab; if it happens again, tell your administrator.`,
    status,
  );
}

/**
 * The same client for one centre: every `/api/…` path goes to `/api/centres/<id>/…`, that centre's own API (its
 * staff list, tables and profile), including the paths the API hands back (a case action's `path`).
 */
export function forCentre(http: HttpClient, centreId: string): HttpClient {
  const at = (path: string) => path.replace(/^\/api\//, `/api/centres/${encodeURIComponent(centreId)}/`);
  return {
    get: (path) => http.get(at(path)),
    getText: (path, accept) => http.getText(at(path), accept),
    send: (method, path, body, etag) => http.send(method, at(path), body, etag),
  };
}
