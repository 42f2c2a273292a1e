import { z } from "zod";
import { ManifestSettingsError } from "./errors.js";

/** What the app package needs to know about one deployment. */
export interface PackageSettings {
  readonly mode: "local" | "production";
  /** The app's id in the manifest: the Agents Toolkit's Teams app (TEAMS_APP_ID), else the bot's id. */
  readonly appId: string;
  /** The bot's Microsoft App ID; also the app's id in the manifest. */
  readonly botAppId: string;
  /** The Entra app registration the tab signs in with (tab SSO). */
  readonly clientId: string;
  /** The Application ID URI the tab asks a token for: `api://<host>/<clientId>` unless FC_API_AUDIENCE says. */
  readonly apiAudience: string;
  /** Where the service is reached, without a trailing slash, e.g. `https://fc.council.example`. */
  readonly publicBaseUrl: string;
  readonly appVersion: string;
  readonly publisherName: string;
  readonly privacyUrl: string;
  readonly termsOfUseUrl: string;
}

/**
 * Placeholder ids for a package built without a tenant (local mode only): obviously fake, never accepted in
 * production, and the app's name says "(local build)".
 */
export const LOCAL_PLACEHOLDERS = {
  FC_BOT_APP_ID: "00000000-0000-4000-8000-00000000b07a",
  FC_CLIENT_ID: "00000000-0000-4000-8000-0000000c11e7",
  FC_PUBLIC_BASE_URL: "http://127.0.0.1:3978",
} as const;

const guid = z.string().regex(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i, "must be a GUID (the Entra id)");
const url = z
  .url({ protocol: /^https?$/, error: "must be an http(s):// address" })
  .refine((u) => !/[?#]/.test(u), "must be a plain address, without ? or #");
const semver = z.string().regex(/^\d+\.\d+\.\d+$/, "must be MAJOR.MINOR.PATCH, e.g. 1.4.0 (raise it on every upload)");

/**
 * The Microsoft 365 Agents Toolkit's names for the same ids (m365agents.yml writes them to env/.env.*): each is read
 * when its FC_* name is not set, so the package builds from either environment.
 */
const TOOLKIT_NAMES = {
  FC_BOT_APP_ID: "BOT_ID",
  FC_CLIENT_ID: "AAD_APP_CLIENT_ID",
  FC_PUBLIC_BASE_URL: "BOT_ENDPOINT",
} as const;

const schema = z
  .object({
    FC_MODE: z.enum(["local", "production"]).default("local"),
    TEAMS_APP_ID: guid.optional(),
    FC_BOT_APP_ID: guid.optional(),
    FC_CLIENT_ID: guid.optional(),
    // The service reads a comma-separated list (the URI and the bare client id); the tab asks for the api:// one.
    FC_API_AUDIENCE: z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((a) => a.trim())
          .find((a) => a.startsWith("api://")),
      )
      .pipe(z.string("must include the Application ID URI, api://<host>/<clientId>"))
      .optional(),
    FC_PUBLIC_BASE_URL: url.optional(),
    FC_APP_VERSION: semver.optional(),
    FC_PUBLISHER_NAME: z.string().min(1).max(32, "at most 32 characters (Teams shows it as the developer)").optional(),
    FC_PRIVACY_URL: url.optional(),
    FC_TERMS_URL: url.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.FC_MODE !== "production") return;
    const need = (key: keyof typeof c, why: string) => {
      if (c[key] === undefined)
        ctx.addIssue({ code: "custom", path: [key], message: `required in production: ${why}` });
    };
    need("FC_BOT_APP_ID", "the bot's Microsoft App ID (GUID), or the Agents Toolkit's BOT_ID");
    need("FC_CLIENT_ID", "the client id of the app the tab signs in with, or the Agents Toolkit's AAD_APP_CLIENT_ID");
    need("FC_PUBLIC_BASE_URL", "the service's public https:// address, or the Agents Toolkit's BOT_ENDPOINT");
    need("FC_PRIVACY_URL", "the council's privacy notice for this service");
    need("FC_TERMS_URL", "the council's terms of use for this service");
    for (const key of ["FC_PUBLIC_BASE_URL", "FC_PRIVACY_URL", "FC_TERMS_URL"] as const) {
      if (c[key]?.startsWith("http://")) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "must be https:// in production (Teams and Outlook load only https)",
        });
      }
    }
    for (const key of ["FC_BOT_APP_ID", "FC_CLIENT_ID"] as const) {
      if (c[key]?.toLowerCase() === LOCAL_PLACEHOLDERS[key]) {
        ctx.addIssue({ code: "custom", path: [key], message: "is the local placeholder; use the tenant's real id" });
      }
    }
  });

/** Every setting the packager reads (the toolkit's names included). */
export const PACKAGE_SETTINGS: readonly string[] = [...Object.keys(schema.shape), ...Object.values(TOOLKIT_NAMES)];

const given = (env: Readonly<Record<string, string | undefined>>, key: string): string | undefined =>
  env[key] === "" ? undefined : env[key];

/** Reads the packaging settings from the environment; throws one error listing every variable to fix. */
export function packageSettingsFrom(
  env: Readonly<Record<string, string | undefined>>,
  defaults: { readonly appVersion: string },
): PackageSettings {
  const input: Record<string, string | undefined> = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, given(env, key)]),
  );
  for (const [key, toolkitName] of Object.entries(TOOLKIT_NAMES)) input[key] ??= given(env, toolkitName);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ManifestSettingsError(
      parsed.error.issues.map((i) => `${i.path.join(".") || "(settings)"}: ${i.message}`),
    );
  }
  const c = parsed.data;
  const publicBaseUrl = (c.FC_PUBLIC_BASE_URL ?? LOCAL_PLACEHOLDERS.FC_PUBLIC_BASE_URL).replace(/\/+$/, "");
  const clientId = c.FC_CLIENT_ID ?? LOCAL_PLACEHOLDERS.FC_CLIENT_ID;
  const botAppId = c.FC_BOT_APP_ID ?? LOCAL_PLACEHOLDERS.FC_BOT_APP_ID;
  return {
    mode: c.FC_MODE,
    appId: c.TEAMS_APP_ID ?? botAppId,
    botAppId,
    clientId,
    apiAudience: c.FC_API_AUDIENCE ?? `api://${new URL(publicBaseUrl).host}/${clientId}`,
    publicBaseUrl,
    appVersion: c.FC_APP_VERSION ?? defaults.appVersion,
    publisherName: c.FC_PUBLISHER_NAME ?? "Family Centre",
    privacyUrl: c.FC_PRIVACY_URL ?? `${publicBaseUrl}/tab/`,
    termsOfUseUrl: c.FC_TERMS_URL ?? `${publicBaseUrl}/tab/`,
  };
}
