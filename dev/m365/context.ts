import type { Request } from "express";
import { GraphError } from "./errors.js";
import type { Faults } from "./faults.js";
import type { Mailboxes } from "./mailboxes.js";
import type { RenderOptions } from "./message-resource.js";
import type { ServedMailbox } from "./served-mailbox.js";
import type { StatsCounter } from "./stats.js";

/** Everything the HTTP routes work on, wired once by `startStandIn`. */
export interface StandInContext {
  readonly mailboxes: Mailboxes;
  readonly faults: Faults;
  /** The whole stand-in's counts (each mailbox counts its own as well). */
  readonly stats: StatsCounter;
  readonly now: () => Date;
  /** `http://127.0.0.1:<port>`, known once the server listens. */
  readonly origin: () => string;
  readonly log: (line: string) => void;
}

/** The mailbox a `/users/:user/…` route is for (Graph's 404 ErrorInvalidUser when it serves none). */
export function mailboxOf(req: Request, context: StandInContext): ServedMailbox {
  return context.mailboxes.get(String(req.params.user));
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
