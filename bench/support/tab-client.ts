import type { DevTokenResponse } from "../../src/api/contract.js";

/** Calls the tab's API as one member of staff, with a development token from the service (local mode). */
export interface TabClient {
  get<T>(path: string): Promise<T>;
  /** The status and time to the whole body, in ms; the body is read so the time covers it. */
  time(path: string): Promise<{ readonly status: number; readonly ms: number }>;
}

export async function tabClient(serviceUrl: string, staffId: string): Promise<TabClient> {
  const issued = await fetch(`${serviceUrl}/api/dev/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ staffId }),
  });
  if (!issued.ok) throw new Error(`POST /api/dev/token for ${staffId} answered ${issued.status}`);
  const { token } = (await issued.json()) as DevTokenResponse;
  const headers = { Authorization: `Bearer ${token}` };
  return {
    async get<T>(path: string) {
      const response = await fetch(`${serviceUrl}${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    },
    async time(path: string) {
      const started = performance.now();
      const response = await fetch(`${serviceUrl}${path}`, { headers });
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - started };
    },
  };
}
