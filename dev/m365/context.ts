import type { Request } from "express";
import type { Composer } from "./compose.js";
import type { DeltaTokens } from "./delta-tokens.js";
import { GraphError } from "./errors.js";
import type { Faults } from "./faults.js";
import type { MailboxLimits } from "./mailbox-limits.js";
import type { MailboxStore } from "./mailbox-store.js";
import type { RenderOptions } from "./message-resource.js";
import type { StatsCounter } from "./stats.js";
import type { Subscriptions } from "./subscriptions.js";

/** Everything the HTTP routes work on, wired once by `startStandIn`. */
export interface StandInContext {
  readonly store: MailboxStore;
  readonly composer: Composer;
  readonly deltaTokens: DeltaTokens;
  readonly subscriptions: Subscriptions;
  readonly faults: Faults;
  readonly limits: MailboxLimits;
  readonly stats: StatsCounter;
  readonly now: () => Date;
  readonly userId: string;
  /** `http://127.0.0.1:<port>`, known once the server listens. */
  readonly origin: () => string;
  readonly log: (line: string) => void;
}

/** The `Prefer` header's preferences: `IdType="ImmutableId"`, `odata.maxpagesize=N`, `outlook.body-content-type="text"`. */
export function preferences(req: Request): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (req.get("prefer") ?? "").split(",")) {
    const [name, value] = part.split("=").map((s) => s.trim());
    if (name) found.set(name.toLowerCase(), (value ?? "").replace(/^"|"$/g, ""));
  }
  return found;
}

export function renderOptions(req: Request, context: StandInContext): Omit<RenderOptions, "select"> {
  return {
    preferText: preferences(req).get("outlook.body-content-type")?.toLowerCase() === "text",
    pageBaseUrl: context.origin(),
  };
}

/** A query option as one string; Graph refuses repeated system query options. */
export function queryOption(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string")
    throw new GraphError(400, "BadRequest", `Query option '${name}' was given more than once.`);
  return value;
}
