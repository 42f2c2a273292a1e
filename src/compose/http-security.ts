import type { Request, RequestHandler } from "express";
import { rateLimit, ipKeyGenerator } from "express-rate-limit";
import helmet from "helmet";
import { decodeJwt } from "jose";

/** Teams, Outlook and the Microsoft 365 app may frame the tab; nobody else (Teams tab requirements, 2025). */
const FRAME_ANCESTORS = [
  "'self'",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.cloud.microsoft",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook.live.com",
  "https://outlook-sdf.office.com",
  "https://outlook-sdf.office365.com",
];

/**
 * The tab's Content-Security-Policy: its own bundle only, plus Office.js (the Outlook pane loads it), TeamsJS's list
 * of valid domains, and Entra sign-in where a host lacks nested app authentication (MSAL's fallback). Fluent UI
 * writes its styles at run time, hence inline styles.
 */
export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net https://login.microsoftonline.com",
  "frame-src https://login.microsoftonline.com",
  `frame-ancestors ${FRAME_ANCESTORS.join(" ")}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/**
 * Headers on every answer: nothing may frame or run anything from the API's JSON (the tab sets its own policy),
 * `nosniff`, no referrer, no `X-Powered-By`, and HSTS in production (App Service serves https only).
 */
export function securityHeaders(production: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    // Framing is governed by frame-ancestors: X-Frame-Options cannot name Teams and Outlook.
    frameguard: false,
    // MSAL's sign-in popup (hosts without nested app authentication) must be able to answer the tab.
    crossOriginOpenerPolicy: { policy: "same-origin-allow-popups" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

export interface RateLimits {
  /** Requests a minute one caller may make to the tab's API. */
  readonly apiPerMinute: number;
  /** Activities a minute one Teams user may send the bot. */
  readonly botPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { apiPerMinute: 600, botPerMinute: 120 };

/** Requests with no caller to name (no token, no Teams user) share their address's bucket. */
const addressKey = (req: Request): string => `address:${ipKeyGenerator(req.ip ?? "")}`;

/** The API's caller: the `oid` of the bearer token (only keys the bucket; the token is verified after). */
function apiCallerKey(req: Request): string {
  const token = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "")?.[1];
  try {
    const oid = token === undefined ? undefined : decodeJwt(token).oid;
    return typeof oid === "string" ? `user:${oid}` : addressKey(req);
  } catch {
    return addressKey(req);
  }
}

/** The bot's caller: the Teams user the activity is from (its body is parsed by then). */
function botCallerKey(req: Request): string {
  const from = (req.body as { from?: { aadObjectId?: unknown; id?: unknown } } | undefined)?.from;
  const id = from?.aadObjectId ?? from?.id;
  return typeof id === "string" ? `user:${id}` : addressKey(req);
}

const limiter = (limit: number, keyGenerator: (req: Request) => string, skip?: (req: Request) => boolean) =>
  rateLimit({
    windowMs: 60_000,
    limit,
    keyGenerator,
    ...(skip ? { skip } : {}),
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // The key is the caller, not the address: App Service's front end is the only peer the process sees.
    validate: { xForwardedForHeader: false },
    handler: (_req, res) => {
      res.status(429).json({
        error: { code: "API.RATE_LIMITED", message: "Too many requests: wait a moment and try again." },
      });
    },
  });

/** The tab's API under /api; not the bot (its own limit) nor Graph's notifications (Graph paces itself). */
export const apiRateLimit = (limits: RateLimits): RequestHandler =>
  limiter(limits.apiPerMinute, apiCallerKey, (req) => req.path === "/messages" || req.path.startsWith("/graph/"));

export const botRateLimit = (limits: RateLimits): RequestHandler => limiter(limits.botPerMinute, botCallerKey);
