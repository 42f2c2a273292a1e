import type { AppDeps } from "../src/app/app-deps.js";
import type { CentreSettings, RecordStore, StaffMember, StoredConversation } from "../src/ports/records.js";

/**
 * How the bot proves who it is and checks who calls it. Local mode has no app id: botbuilder then skips JWT
 * validation, which is only acceptable on a developer's machine. Production needs a single-tenant or
 * user-assigned managed identity app (new multi-tenant bots cannot be created).
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
    };

/** Waits, so that tests can run rate limits and back-off on a fake clock. */
export interface Pacing {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPacing: Pacing = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface BotDeps {
  readonly app: AppDeps;
  readonly conversations: RecordStore<StoredConversation>;
  readonly staff: RecordStore<StaffMember>;
  readonly settings: RecordStore<CentreSettings>;
  readonly auth: BotAuth;
  /**
   * LOCAL MODE ONLY (set by the composition root): any user acts with every role and a demo team is seeded, so
   * a person can try each step at once. `createBot` refuses it in production.
   */
  readonly everyoneHasEveryRole?: boolean;
  /** Where "Open in the tab" links point (the tab's base URL). */
  readonly tabUrl?: string;
  readonly pacing?: Pacing;
}

/** The Settings row the bot reads and writes (one Family Centre per deployment). */
export const CENTRE_SETTINGS_KEY = "centre";
