import type { JWTVerifyGetKey } from "jose";
import type { AppDeps } from "../src/app/app-deps.js";
import type { IdentifyPerson } from "../src/app/people.js";
import type { BotCounty } from "./centres/bot-centres.js";

/**
 * How the bot proves who it is and checks who calls it. Local mode has no app id and accepts unauthenticated
 * activities from loopback service URLs only (the Agents Playground, tests); it runs only on a developer's machine.
 * Production needs a single-tenant or user-assigned managed identity app (new multi-tenant bots cannot be
 * created) and lets in only the Teams channel (`bot/auth/channel-gate.ts`).
 */
export type BotAuth =
  | { readonly mode: "local" }
  | {
      readonly mode: "production";
      readonly appId: string;
      readonly appType: "SingleTenant" | "UserAssignedMSI";
      readonly tenantId: string;
      /** The client secret of a single-tenant app, from the environment (Key Vault reference); none for MSI. */
      readonly password?: string;
      /** The Bot Framework's signing keys (its published JWKS; tests give their own). */
      readonly channelKeys: JWTVerifyGetKey;
      /** Hosts a `serviceUrl` may name: Teams' own, plus any configured (FC_BOT_SERVICE_URL_HOSTS). */
      readonly serviceUrlHosts: readonly string[];
    };

/** Waits, so that tests can run rate limits and back-off (and its jitter) on a fake clock. */
export interface Pacing {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): how much of each back-off step is waited. */
  random(): number;
}

export const realPacing: Pacing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export interface BotDeps {
  readonly app: AppDeps;
  /** Who a Teams user is and what they may do: the Staff table in production (the composition root decides). */
  readonly identify: IdentifyPerson;
  readonly auth: BotAuth;
  /** Where "Open in the tab" links point (the tab's base URL). */
  readonly tabUrl?: string;
  /** The Teams app's id (the manifest's `id`): with it, links to the tab are Teams deep links that open it in Teams. */
  readonly teamsAppId?: string;
  readonly pacing?: Pacing;
  /** Where the deployment serves several centres: this bot's centre among them (absent: one centre, no switcher). */
  readonly county?: BotCounty;
}
