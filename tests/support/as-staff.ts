import { expect } from "vitest";

/** The local service's API called as members of staff, each with local mode's development token (fetched once). */
export interface AsStaff {
  token(staffId: string): Promise<string>;
  call(staffId: string, path: string, init?: RequestInit): Promise<Response>;
  /** A GET that must answer 200, its body as `T`. */
  json<T>(staffId: string, path: string): Promise<T>;
}

/** `url`: the service's, read at each call (a suite starts its service in `beforeAll`). */
export function asStaff(url: () => string): AsStaff {
  const tokens = new Map<string, string>();
  const token = async (staffId: string): Promise<string> => {
    const known = tokens.get(staffId);
    if (known !== undefined) return known;
    const issued = await fetch(`${url()}/api/dev/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ staffId }),
    });
    expect(issued.status).toBe(200);
    const fresh = ((await issued.json()) as { token: string }).token;
    tokens.set(staffId, fresh);
    return fresh;
  };
  const call = async (staffId: string, path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = { authorization: `Bearer ${await token(staffId)}`, "content-type": "application/json" };
    return fetch(`${url()}${path}`, { ...init, headers });
  };
  return {
    token,
    call,
    async json<T>(staffId: string, path: string): Promise<T> {
      const response = await call(staffId, path);
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    },
  };
}
