import { hostname } from "node:os";
import { z } from "zod";

/** The well-known Azurite development account (public and documented; only ever used in local mode). */
export const AZURITE_DEV_CONNECTION_STRING =
  "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
  "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
  "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

const LOCAL_DEFAULTS = {
  FC_HOST: "127.0.0.1",
  FC_PORT: "3978",
  FC_STORAGE_CONNECTION_STRING: AZURITE_DEV_CONNECTION_STRING,
  FC_GRAPH_BASE_URL: "http://127.0.0.1:4000/v1.0",
  FC_PUBLIC_BASE_URL: "http://127.0.0.1:3978",
  FC_NOTIFICATION_CLIENT_STATE: "local-development-client-state",
} as const;

const email = z.string().trim().toLowerCase().pipe(z.email());
const emailList = z
  .string()
  .transform((s) => s.split(",").map((a) => a.trim().toLowerCase()))
  .pipe(z.array(z.email()).min(1));
const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use 24-hour HH:MM, e.g. 09:00");

const schema = z
  .object({
    FC_MODE: z.enum(["local", "production"]).default("local"),
    FC_HOST: z.string().min(1).default("0.0.0.0"),
    FC_PORT: intFrom(1, 65535).default(3978),
    FC_INSTANCE_ID: z.string().trim().min(1).max(100).optional(),
    FC_PUBLIC_BASE_URL: z.url().optional(),
    FC_STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
    FC_STORAGE_ACCOUNT_URL: z.url().optional(),
    FC_TABLE_PREFIX: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, "letters and digits only, starting with a letter")
      .default(""),
    FC_GRAPH_BASE_URL: z.url().default("https://graph.microsoft.com/v1.0"),
    FC_TENANT_ID: z.string().uuid().optional(),
    FC_CLIENT_ID: z.string().uuid().optional(),
    FC_CLIENT_SECRET: z.string().min(1).optional(),
    FC_USE_MANAGED_IDENTITY: z.stringbool().default(false),
    FC_NOTIFICATION_CLIENT_STATE: z.string().min(16, "use at least 16 random characters").max(128).optional(),
    FC_MAILBOX: email.default("familycentre@council.example"),
    FC_EARLY_HELP_DESK: emailList.default(["earlyhelpdesk@council.example"]),
    FC_CENTRE_NAME: z.string().min(1).default("the Family Centre"),
    FC_PROFILE: z.string().min(1).default("family-solutions"),
    FC_TIME_ZONE: z.string().min(1).default("Europe/London"),
    FC_WORKING_HOURS_START: hhmm.default("09:00"),
    FC_WORKING_HOURS_END: hhmm.default("17:00"),
    /** London time from which each working day's screening agenda (and a panel day's agenda) is posted. */
    FC_AGENDA_AT: hhmm.default("09:30"),
    /** London time from which the nightly repair (derived tables rebuilt, outcome letters reconciled) runs once a day. */
    FC_REPAIR_AT: hhmm.default("02:00"),
    FC_CLOSURE_DAYS: z
      .string()
      .default("")
      .transform((s) =>
        s
          .split(",")
          .map((d) => d.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.iso.date())),
    FC_BANK_HOLIDAYS_FILE: z.string().min(1).optional(),
    FC_MAX_ACKS_PER_SENDER_PER_DAY: intFrom(1, 1000).default(3),
    FC_LETTER_IN_TRANSIT_MINUTES: intFrom(2, 24 * 60).default(15),
    FC_ACK_MAX_AGE_HOURS: intFrom(1, 24 * 365).default(96),
    FC_INTAKE_FROM: z.iso.datetime({ offset: true }).optional(),
    FC_JUNK_MAIL: z.enum(["sweep", "leave"]).default("sweep"),
    FC_SUBSCRIPTION_LIFETIME_MINUTES: intFrom(45, 10080).default(4230),
    FC_DELTA_SAFETY_NET_MINUTES: intFrom(1, 60).default(5),
    FC_BOT_APP_ID: z.string().uuid().optional(),
    FC_BOT_APP_TYPE: z.enum(["SingleTenant", "UserAssignedMSI"]).default("SingleTenant"),
    FC_BOT_APP_PASSWORD: z.string().min(1).optional(),
    /** The Teams app's id (the manifest's `id`, the Agents Toolkit's TEAMS_APP_ID); the bot's id when not set. */
    FC_TEAMS_APP_ID: z.string().uuid().optional(),
    FC_API_AUDIENCE: z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .optional(),
    /** Application Insights (App Service sets it by this name); without it no telemetry leaves the process. */
    APPLICATIONINSIGHTS_CONNECTION_STRING: z
      .string()
      .regex(/InstrumentationKey=/i, "use the Application Insights resource's connection string")
      .optional(),
  })
  .superRefine((c, ctx) => {
    const need = (key: keyof typeof c, why: string) => {
      if (c[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: `required: ${why}` });
    };
    need("FC_PUBLIC_BASE_URL", "the service's public https:// address, where Graph sends change notifications");
    need("FC_NOTIFICATION_CLIENT_STATE", "a random secret (16 to 128 characters) Graph echoes on every notification");
    if (c.FC_MODE !== "production") return;
    need("FC_TENANT_ID", "the Microsoft Entra tenant id (GUID) of the council");
    need("FC_BOT_APP_ID", "the bot's Microsoft App ID (single-tenant app registration or managed identity)");
    if (!c.FC_USE_MANAGED_IDENTITY) {
      need("FC_CLIENT_ID", "the app registration's Application (client) id, or set FC_USE_MANAGED_IDENTITY=true");
      need("FC_CLIENT_SECRET", "the app registration's client secret (a Key Vault reference), or use managed identity");
    }
    if (c.FC_API_AUDIENCE === undefined && c.FC_CLIENT_ID === undefined) {
      need("FC_API_AUDIENCE", "the tab's token audience(s), e.g. api://<host>/<client id>,<client id>");
    }
    if (c.FC_STORAGE_CONNECTION_STRING === undefined && c.FC_STORAGE_ACCOUNT_URL === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["FC_STORAGE_ACCOUNT_URL"],
        message: "set FC_STORAGE_ACCOUNT_URL (managed identity) or FC_STORAGE_CONNECTION_STRING",
      });
    }
    if (c.FC_STORAGE_CONNECTION_STRING?.includes("devstoreaccount1")) {
      ctx.addIssue({
        code: "custom",
        path: ["FC_STORAGE_CONNECTION_STRING"],
        message: "the Azurite development account must not be used in production",
      });
    }
    if (c.FC_PUBLIC_BASE_URL !== undefined && !c.FC_PUBLIC_BASE_URL.startsWith("https://")) {
      ctx.addIssue({ code: "custom", path: ["FC_PUBLIC_BASE_URL"], message: "Graph only notifies https:// endpoints" });
    }
  });

export interface Config {
  readonly mode: "local" | "production";
  readonly http: { readonly host: string; readonly port: number; readonly publicBaseUrl: string };
  /**
   * Names this process in job leases. Stable across restarts (host and port by default), so a process restarted
   * after a crash takes its own leases back at once instead of waiting for them to expire.
   */
  readonly instanceId?: string;
  readonly storage: {
    readonly connectionString?: string;
    readonly accountUrl?: string;
    readonly tablePrefix: string;
  };
  readonly graph: {
    readonly baseUrl: string;
    readonly tenantId?: string;
    readonly clientId?: string;
    readonly clientSecret?: string;
    readonly useManagedIdentity: boolean;
    readonly notificationClientState: string;
    readonly subscriptionLifetimeMinutes: number;
    readonly deltaSafetyNetMinutes: number;
  };
  readonly mailbox: {
    readonly address: string;
    readonly earlyHelpDesk: readonly string[];
    readonly centreName: string;
    readonly maxAcksPerSenderPerDay: number;
    /** How long a letter handed to Exchange may take to show as sent before it is sent again or a person asked. */
    readonly letterInTransitMinutes: number;
    /** Mail received longer ago than this when it is logged is not acknowledged. */
    readonly acknowledgeWithinHours: number;
    /** Go-live (UTC ISO-8601): no mail received before it is read; unset, the first inbox round's start. */
    readonly intakeFrom?: string;
    /** `sweep`: mail Exchange filtered into Junk Email is moved into the Inbox for intake; `leave`: it stays. */
    readonly junkMail: "sweep" | "leave";
  };
  /** The Teams bot's identity; none in local mode, where the bot accepts unauthenticated requests. */
  readonly bot?: {
    readonly appId: string;
    readonly appType: "SingleTenant" | "UserAssignedMSI";
    readonly password?: string;
  };
  /** The Teams app (the manifest's id), for deep links into the tab; none in local mode without a bot id. */
  readonly teams?: { readonly appId: string };
  /** Where traces and metrics go (Azure Monitor); absent, telemetry stays off. */
  readonly telemetry?: { readonly connectionString: string };
  /** The tab's API: which Entra token audiences it accepts (production; local mode signs its own tokens). */
  readonly api: { readonly audiences: readonly string[] };
  readonly practice: {
    readonly profileId: string;
    readonly timeZone: string;
    readonly workingHours: { readonly start: string; readonly end: string };
    /** `HH:MM` London time the day's agendas are posted from. */
    readonly agendaAt: string;
    /** `HH:MM` London time the nightly repair runs from. */
    readonly repairAt: string;
    readonly closureDays: readonly string[];
    readonly bankHolidaysFile?: string;
  };
}

/** Thrown at start-up; its message lists every setting to fix. */
export class ConfigError extends Error {
  readonly code = "CONFIG.INVALID";
  constructor(readonly problems: readonly string[]) {
    super(`The service cannot start until these settings are fixed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the whole configuration once. Local mode fills in the embedded local defaults. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const mode = env.FC_MODE ?? "local";
  const input = mode === "local" ? { ...LOCAL_DEFAULTS, ...stripEmpty(env) } : stripEmpty(env);
  const parsed = schema.safeParse(input);
  const unresolved = Object.keys(input).filter((key) => KEY_VAULT_REFERENCE.test(input[key] ?? ""));
  if (!parsed.success || unresolved.length > 0) {
    throw new ConfigError([
      ...unresolved.map((key) => `${key}: ${UNRESOLVED_KEY_VAULT_REFERENCE}`),
      ...(parsed.error?.issues ?? [])
        .filter((i) => !unresolved.includes(String(i.path[0])))
        .map((i) => `${i.path.join(".") || "(config)"}: ${i.message}`),
    ]);
  }
  const c = parsed.data;
  return {
    mode: c.FC_MODE,
    http: { host: c.FC_HOST, port: c.FC_PORT, publicBaseUrl: (c.FC_PUBLIC_BASE_URL ?? "").replace(/\/$/, "") },
    instanceId: c.FC_INSTANCE_ID ?? `${hostname()}:${c.FC_PORT}`,
    storage: {
      connectionString: c.FC_STORAGE_CONNECTION_STRING,
      accountUrl: c.FC_STORAGE_ACCOUNT_URL,
      tablePrefix: c.FC_TABLE_PREFIX,
    },
    graph: {
      baseUrl: c.FC_GRAPH_BASE_URL.replace(/\/$/, ""),
      tenantId: c.FC_TENANT_ID,
      clientId: c.FC_CLIENT_ID,
      clientSecret: c.FC_CLIENT_SECRET,
      useManagedIdentity: c.FC_USE_MANAGED_IDENTITY,
      notificationClientState: c.FC_NOTIFICATION_CLIENT_STATE ?? "",
      subscriptionLifetimeMinutes: c.FC_SUBSCRIPTION_LIFETIME_MINUTES,
      deltaSafetyNetMinutes: c.FC_DELTA_SAFETY_NET_MINUTES,
    },
    mailbox: {
      address: c.FC_MAILBOX,
      earlyHelpDesk: c.FC_EARLY_HELP_DESK,
      centreName: c.FC_CENTRE_NAME,
      maxAcksPerSenderPerDay: c.FC_MAX_ACKS_PER_SENDER_PER_DAY,
      letterInTransitMinutes: c.FC_LETTER_IN_TRANSIT_MINUTES,
      acknowledgeWithinHours: c.FC_ACK_MAX_AGE_HOURS,
      ...(c.FC_INTAKE_FROM === undefined ? {} : { intakeFrom: new Date(c.FC_INTAKE_FROM).toISOString() }),
      junkMail: c.FC_JUNK_MAIL,
    },
    ...(c.FC_BOT_APP_ID
      ? { bot: { appId: c.FC_BOT_APP_ID, appType: c.FC_BOT_APP_TYPE, password: c.FC_BOT_APP_PASSWORD } }
      : {}),
    ...((c.FC_TEAMS_APP_ID ?? c.FC_BOT_APP_ID) ? { teams: { appId: c.FC_TEAMS_APP_ID ?? c.FC_BOT_APP_ID ?? "" } } : {}),
    ...(c.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? { telemetry: { connectionString: c.APPLICATIONINSIGHTS_CONNECTION_STRING } }
      : {}),
    api: { audiences: c.FC_API_AUDIENCE ?? apiAudiences(c.FC_CLIENT_ID, c.FC_PUBLIC_BASE_URL) },
    practice: {
      profileId: c.FC_PROFILE,
      timeZone: c.FC_TIME_ZONE,
      workingHours: { start: c.FC_WORKING_HOURS_START, end: c.FC_WORKING_HOURS_END },
      agendaAt: c.FC_AGENDA_AT,
      repairAt: c.FC_REPAIR_AT,
      closureDays: c.FC_CLOSURE_DAYS,
      bankHolidaysFile: c.FC_BANK_HOLIDAYS_FILE,
    },
  };
}

// App Service hands the app the reference text itself when it cannot read the secret (no access, wrong name).
const KEY_VAULT_REFERENCE = /^\s*@Microsoft\.KeyVault\(/i;
const UNRESOLVED_KEY_VAULT_REFERENCE =
  "is still an @Microsoft.KeyVault(...) reference: App Service could not read the secret. Check the reference's " +
  "vault and secret name, and that the app's managed identity may read secrets in that vault " +
  "(Key Vault Secrets User); the portal shows the reason under Environment variables.";

/** Teams SSO tokens name the app as `api://<host>/<client id>` (v1) or the bare client id (v2): accept both. */
function apiAudiences(clientId: string | undefined, publicBaseUrl: string | undefined): string[] {
  if (clientId === undefined) return [];
  const host = publicBaseUrl === undefined ? undefined : new URL(publicBaseUrl).host;
  return host === undefined ? [clientId] : [`api://${host}/${clientId}`, clientId];
}

/** Every setting the service reads: the FC_* ones and Application Insights' own name. */
export const CONFIG_SETTINGS: readonly string[] = Object.keys(schema.shape);

const stripEmpty = (env: Readonly<Record<string, string | undefined>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter(
      (e): e is [string, string] => CONFIG_SETTINGS.includes(e[0]) && e[1] !== undefined && e[1] !== "",
    ),
  );
