import { describe, expect, it } from "vitest";
import { ApiError, describeProblem } from "../../../../tab/src/api/api-error.js";
import { createHttpClient, forCentre } from "../../../../tab/src/api/http-client.js";

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fake fetch: records what was sent and answers with the given response. */
function fakeFetch(answer: () => Response): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const impl = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    return answer();
  };
  return { fetch: impl as typeof fetch, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

describe("the tab's API client", () => {
  it("sends the caller's token and returns the body with the resource's ETag", async () => {
    const { fetch, sent } = fakeFetch(() => json(200, { caseId: "FC-1" }, { ETag: 'W/"7"' }));
    const http = createHttpClient("http://svc", async () => "token-1", fetch);
    const response = await http.get<{ caseId: string }>("/api/cases/FC-1");
    expect(response).toEqual({ data: { caseId: "FC-1" }, etag: 'W/"7"' });
    expect(sent[0]?.url).toBe("http://svc/api/cases/FC-1");
    expect(new Headers(sent[0]?.init.headers).get("Authorization")).toBe("Bearer token-1");
  });

  it("sends a change as JSON with If-Match carrying the ETag it read", async () => {
    const { fetch, sent } = fakeFetch(() => json(200, { warnings: [] }));
    const http = createHttpClient("", async () => "t", fetch);
    await http.send("POST", "/api/cases/FC-1/events", { type: "plan" }, 'W/"7"');
    const headers = new Headers(sent[0]?.init.headers);
    expect(sent[0]?.init.method).toBe("POST");
    expect(headers.get("If-Match")).toBe('W/"7"');
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(sent[0]?.init.body).toBe('{"type":"plan"}');
  });

  it("turns the API's {error:{code,message}} into an ApiError a person can act on", async () => {
    const { fetch } = fakeFetch(() =>
      json(403, { error: { code: "AUTH.ROLE_REFUSED", message: "Only managers see the team." } }),
    );
    const http = createHttpClient("", async () => "t", fetch);
    await expect(http.get("/api/team")).rejects.toMatchObject({
      code: "AUTH.ROLE_REFUSED",
      message: "Only managers see the team.",
      status: 403,
    });
  });

  it("412: says someone else changed the case and that it was reloaded", async () => {
    const { fetch } = fakeFetch(() => json(412, { error: { code: "API.STALE_ETAG", message: "stale" } }));
    const http = createHttpClient("", async () => "t", fetch);
    const error = await http.send("POST", "/api/cases/FC-1/decisions", {}, 'W/"1"').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(describeProblem(error).message).toMatch(/^Someone else changed this case .* It has been reloaded/);
  });

  it("explains an answer without a JSON error body instead of showing nothing", async () => {
    const { fetch } = fakeFetch(() => new Response("Bad gateway", { status: 502 }));
    const http = createHttpClient("", async () => "t", fetch);
    await expect(http.get("/api/me")).rejects.toMatchObject({ code: "TAB.UNEXPECTED_RESPONSE", status: 502 });
  });

  it("says the service is out of reach when the network fails", () => {
    expect(describeProblem(new TypeError("Failed to fetch"))).toMatchObject({ code: "TAB.UNREACHABLE" });
  });

  it("sends every call for one centre to that centre's API, the paths the API hands back too", async () => {
    const { fetch, sent } = fakeFetch(() => json(200, {}));
    const http = forCentre(
      createHttpClient("", async () => "t", fetch),
      "south",
    );
    await http.get("/api/triage?continuation=x");
    await http.send("POST", "/api/cases/FC-1/actions/visit", {}, 'W/"1"');
    await http.getText("/api/compliance?format=csv", "text/csv").catch(() => undefined);
    expect(sent.map((s) => s.url)).toEqual([
      "/api/centres/south/triage?continuation=x",
      "/api/centres/south/cases/FC-1/actions/visit",
      "/api/centres/south/compliance?format=csv",
    ]);
  });
});
