import type { DevTokenResponse, DevUsersResponse } from "../../../src/api/contract.js";
import type { TokenSource } from "./http-client.js";

/** Local mode only: the people the service lets you act as, each with their roles. */
export async function fetchDevUsers(baseUrl = "", fetchImpl: typeof fetch = fetch): Promise<DevUsersResponse> {
  const response = await fetchImpl(`${baseUrl}/api/dev/users`, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`The service offers no local users (${response.status}).`);
  return (await response.json()) as DevUsersResponse;
}

/** Local mode only: a development token for `staffId`, renewed a minute before it expires. */
export function devTokenSource(staffId: string, baseUrl = "", fetchImpl: typeof fetch = fetch): TokenSource {
  let current: { token: string; renewAt: number } | undefined;
  return async () => {
    if (current && Date.now() < current.renewAt) return current.token;
    const response = await fetchImpl(`${baseUrl}/api/dev/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ staffId }),
    });
    if (!response.ok) throw new Error(`The service would not sign a local token (${response.status}).`);
    const body = (await response.json()) as DevTokenResponse;
    current = { token: body.token, renewAt: Date.parse(body.expiresAt) - 60_000 };
    return body.token;
  };
}
