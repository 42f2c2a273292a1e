import type { Server } from "node:http";
import type { ApiDeps } from "../../../src/api/api-deps.js";
import { createDevTokens, type DevTokens } from "../../../src/compose/local-mode/dev-tokens.js";
import { createApiRouter } from "../../../src/api/create-api-router.js";
import { createHttpApp } from "../../../src/compose/http-app.js";
import type { StaffMember } from "../../../src/ports/records.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { devRoutes } from "../../../src/compose/local-mode/dev-routes.js";

export const TEAM: readonly StaffMember[] = [
  { id: "duty-1", displayName: "Dana Duty", email: "duty@fc.example", roles: ["duty-worker"] },
  {
    id: "worker-1",
    displayName: "Pat Practitioner",
    email: "pat@fc.example",
    roles: ["practitioner"],
    hoursPerWeek: 37,
  },
  {
    id: "worker-2",
    displayName: "Kim Part-time",
    email: "kim@fc.example",
    roles: ["practitioner"],
    hoursPerWeek: 20,
    caseloadLimit: 2,
  },
  { id: "panel-1", displayName: "Pia Panel", email: "pia@fc.example", roles: ["panel-member"] },
  { id: "manager-1", displayName: "Max Manager", email: "max@fc.example", roles: ["manager"] },
  { id: "admin-1", displayName: "Ada Admin", email: "ada@fc.example", roles: ["admin"] },
];

export interface ApiHarness {
  readonly app: AppHarness;
  readonly deps: ApiDeps;
  readonly url: string;
  /** A development token for a member of `TEAM`. */
  tokenFor(staffId: string): Promise<string>;
  call(staffId: string | undefined, path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The real API router on the real express app, over Azurite and the Graph stand-in, with local development tokens. */
export async function startApiHarness(options: {
  now: string;
  local?: boolean;
  profileId?: string;
}): Promise<ApiHarness> {
  const app = await startAppHarness({
    now: options.now,
    ...(options.profileId ? { profileId: options.profileId } : {}),
  });
  for (const member of TEAM) await app.store.staff.put(member.id, member);
  const devTokens: DevTokens = await createDevTokens();
  const deps: ApiDeps = {
    app: app.deps,
    tokens: devTokens.policy,
    localMode: options.local !== false,
    profiles: [{ id: "family-solutions", name: "Family Solutions" }],
  };
  const devRoutesIfLocal = options.local === false ? [] : [devRoutes(app.deps, devTokens)];
  const http = createHttpApp({ routers: [createApiRouter(deps, app.deps.logger, devRoutesIfLocal)] });
  const server = await new Promise<Server>((resolve) => {
    const s = http.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const tokenFor = async (staffId: string) => {
    const member = TEAM.find((m) => m.id === staffId) ?? { id: staffId, displayName: "Someone" };
    return (await devTokens.issue(member, app.clock.now())).token;
  };
  return {
    app,
    deps,
    url,
    tokenFor,
    async call(staffId, path, init = {}) {
      const headers = new Headers(init.headers);
      if (staffId !== undefined) headers.set("authorization", `Bearer ${await tokenFor(staffId)}`);
      if (typeof init.body === "string" && !headers.has("content-type"))
        headers.set("content-type", "application/json");
      return fetch(`${url}${path}`, { ...init, headers });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
