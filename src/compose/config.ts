import { hostname } from "node:os";
import { LOCAL_DEFAULTS, schema, type Settings } from "./config-schema.js";
import { readCentresFile } from "./centres-file.js";
import { CREDENTIAL_SETTING, localModeRefusals, PLATFORM_MARKERS } from "./local-mode/local-safety.js";

export interface Config {
  readonly mode: "local" | "production";
  /** Local mode: seed the demo centre's history once (src/compose/local-mode/demo-history.ts). */
  readonly demo: boolean;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicBaseUrl: string;
    /** Per caller, per minute: the tab's API and the bot (429 with Retry-After past it). */
    readonly rateLimits: { readonly apiPerMinute: number; readonly botPerMinute: number };
  };
  /**
   * Names this process in job leases. Stable across restarts (host and port by default), so a process restarted
   * after a crash takes its own leases back at once instead of waiting for them to expire.
   */
  readonly instanceId?: string;
  readonly storage: {
    readonly connectionString?: string;
    readonly accountUrl?: string;
    /** The blob endpoint the access audit's append blobs are reached at by identity (with `accountUrl`). */
    readonly auditBlobAccountUrl?: string;
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
  /** The Family Centres this deployment serves: one from FC_MAILBOX's settings, or FC_CENTRES_FILE's. */
  readonly centres: readonly [CentreConfig, ...CentreConfig[]];
  /**
   * The county's shared Front Door address (FC_FRONT_DOOR_MAILBOX), read like a centre's mailbox (the first centre's
   * mail settings) and routed to the centres by their areas; absent, there is none.
   */
  readonly frontDoor?: { readonly mailbox: MailboxConfig };
  /** The Teams bot's identity; none in local mode, where the bot accepts unauthenticated requests. */
  readonly bot?: {
    readonly appId: string;
    readonly appType: "SingleTenant" | "UserAssignedMSI";
    readonly password?: string;
    /** Bot Connector hosts allowed besides Teams' own. */
    readonly serviceUrlHosts: readonly string[];
  };
  /** The Teams app (the manifest's id), for deep links into the tab; none in local mode without a bot id. */
  readonly teams?: { readonly appId: string };
  /** Where traces and metrics go (Azure Monitor); absent, telemetry stays off. */
  readonly telemetry?: { readonly connectionString: string };
  /**
   * The tab's API: which Entra token audiences it accepts (production; local mode signs its own tokens), and the
   * tab's own registration (the bare client id among them) and scope, for nested app authentication.
   */
  readonly api: {
    readonly audiences: readonly string[];
    readonly clientId?: string;
    readonly scope?: string;
  };
}

export interface MailboxConfig {
  readonly address: string;
  readonly earlyHelpDesk: readonly string[];
  readonly centreName: string;
  readonly maxAcksPerSenderPerDay: number;
  /** How long a letter handed to Exchange may take to show as sent before it is sent again or a person asked. */
  readonly letterInTransitMinutes: number;
  /** Letters the mailbox sends at most per minute and recipients per day, whichever instance sends them. */
  readonly letterPace: { readonly perMinute: number; readonly recipientsPerDay: number };
  /** Mail received longer ago than this when it is logged is not acknowledged. */
  readonly acknowledgeWithinHours: number;
  /** Go-live (UTC ISO-8601): no mail received before it is read; unset, the first inbox round's start. */
  readonly intakeFrom?: string;
  /** `sweep`: mail Exchange filtered into Junk Email is moved into the Inbox for intake; `leave`: it stays. */
  readonly junkMail: "sweep" | "leave";
  /** How much of a body the intake reads: an HTML body, then the text (of a text body, or made from the HTML). */
  readonly bodyLimits: { readonly maxHtmlChars: number; readonly maxTextChars: number };
}

export interface PracticeConfig {
  readonly profileId: string;
  readonly timeZone: string;
  readonly workingHours: { readonly start: string; readonly end: string };
  /** `HH:MM` London time the day's agendas are posted from. */
  readonly agendaAt: string;
  /** `HH:MM` London time the nightly repair runs from. */
  readonly repairAt: string;
  readonly closureDays: readonly string[];
  readonly bankHolidaysFile?: string;
}

/** One Family Centre: its mailbox and letters' name, its practice framework and calendar, and its areas. */
export interface CentreConfig {
  /** Names its tables and its API path; lower-case letters and digits. */
  readonly id: string;
  readonly mailbox: MailboxConfig;
  readonly practice: PracticeConfig;
  /** Postcode districts/sectors and schools the county's shared Front Door address routes to this centre. */
  readonly areas: { readonly postcodes: readonly string[]; readonly schools: readonly string[] };
}

/** Thrown at start-up; its message lists every setting to fix. */
export class ConfigError extends Error {
  readonly code = "CONFIG.INVALID";
  constructor(readonly problems: readonly string[]) {
    super(`The service cannot start until these settings are fixed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The npm scripts that run on a developer's machine, where FC_MODE may be left out (it is then local). */
const LOCAL_SCRIPTS = ["start", "test", "playground"];

type Env = Readonly<Record<string, string | undefined>>;

/** FC_MODE as set, or local under `npm start`, `npm test` and `npm run playground`; anywhere else it must be set. */
function modeOf(env: Env): string {
  if (env.FC_MODE !== undefined && env.FC_MODE !== "") return env.FC_MODE;
  if (LOCAL_SCRIPTS.includes(env.npm_lifecycle_event ?? "")) return "local";
  throw new ConfigError([
    "FC_MODE: required: production (local only on a developer's machine, where npm start sets it); the service never guesses",
  ]);
}

/** Reads and validates the whole configuration once. Local mode fills in the embedded local defaults. */
export function loadConfig(env: Env): Config {
  const mode = modeOf(env);
  const input: Record<string, string> = {
    ...(mode === "local" ? LOCAL_DEFAULTS : {}),
    ...stripEmpty(env),
    FC_MODE: mode,
  };
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
  if (c.FC_MODE === "local") refuseUnsafeLocalMode(c, env);
  const centres = centresOf(c);
  const frontDoor = frontDoorOf(c, centres);
  return {
    mode: c.FC_MODE,
    demo: c.FC_MODE === "local" && c.FC_DEMO === "on",
    http: {
      host: c.FC_HOST,
      port: c.FC_PORT,
      publicBaseUrl: (c.FC_PUBLIC_BASE_URL ?? "").replace(/\/$/, ""),
      rateLimits: { apiPerMinute: c.FC_API_RATE_LIMIT, botPerMinute: c.FC_BOT_RATE_LIMIT },
    },
    instanceId: c.FC_INSTANCE_ID ?? `${hostname()}:${c.FC_PORT}`,
    storage: {
      connectionString: c.FC_STORAGE_CONNECTION_STRING,
      accountUrl: c.FC_STORAGE_ACCOUNT_URL,
      auditBlobAccountUrl: c.FC_AUDIT_BLOB_ACCOUNT_URL,
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
    centres,
    ...(frontDoor === undefined ? {} : { frontDoor }),
    ...(c.FC_BOT_APP_ID
      ? {
          bot: {
            appId: c.FC_BOT_APP_ID,
            appType: c.FC_BOT_APP_TYPE,
            password: c.FC_BOT_APP_PASSWORD,
            serviceUrlHosts: c.FC_BOT_SERVICE_URL_HOSTS ?? [],
          },
        }
      : {}),
    ...((c.FC_TEAMS_APP_ID ?? c.FC_BOT_APP_ID) ? { teams: { appId: c.FC_TEAMS_APP_ID ?? c.FC_BOT_APP_ID ?? "" } } : {}),
    ...(c.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? { telemetry: { connectionString: c.APPLICATIONINSIGHTS_CONNECTION_STRING } }
      : {}),
    api: tabSignIn(c.FC_API_AUDIENCE ?? apiAudiences(c.FC_CLIENT_ID, c.FC_PUBLIC_BASE_URL)),
  };
}

/** The mailbox settings every centre shares unless its own entry says otherwise. */
function mailboxOf(c: Settings, centre: Pick<MailboxConfig, "address" | "centreName">): MailboxConfig {
  return {
    ...centre,
    earlyHelpDesk: c.FC_EARLY_HELP_DESK,
    maxAcksPerSenderPerDay: c.FC_MAX_ACKS_PER_SENDER_PER_DAY,
    letterInTransitMinutes: c.FC_LETTER_IN_TRANSIT_MINUTES,
    letterPace: { perMinute: c.FC_LETTERS_PER_MINUTE, recipientsPerDay: c.FC_RECIPIENTS_PER_DAY },
    acknowledgeWithinHours: c.FC_ACK_MAX_AGE_HOURS,
    ...(c.FC_INTAKE_FROM === undefined ? {} : { intakeFrom: new Date(c.FC_INTAKE_FROM).toISOString() }),
    junkMail: c.FC_JUNK_MAIL,
    bodyLimits: { maxHtmlChars: c.FC_MAX_HTML_BODY_CHARS, maxTextChars: c.FC_MAX_TEXT_BODY_CHARS },
  };
}

function practiceOf(c: Settings): PracticeConfig {
  return {
    profileId: c.FC_PROFILE,
    timeZone: c.FC_TIME_ZONE,
    workingHours: { start: c.FC_WORKING_HOURS_START, end: c.FC_WORKING_HOURS_END },
    agendaAt: c.FC_AGENDA_AT,
    repairAt: c.FC_REPAIR_AT,
    closureDays: c.FC_CLOSURE_DAYS,
    bankHolidaysFile: c.FC_BANK_HOLIDAYS_FILE,
  };
}

const NO_AREAS: CentreConfig["areas"] = { postcodes: [], schools: [] };

/**
 * FC_CENTRES_FILE's centres, each falling back to the FC_* settings for what it leaves out; without the file, one
 * centre from FC_MAILBOX's settings, and in local mode FC_LOCAL_CENTRES − 1 more (`familycentre2@…`).
 */
function centresOf(c: Settings): Config["centres"] {
  if (c.FC_CENTRES_FILE === undefined) {
    const first: CentreConfig = {
      id: c.FC_CENTRE_ID,
      mailbox: mailboxOf(c, { address: c.FC_MAILBOX, centreName: c.FC_CENTRE_NAME }),
      practice: practiceOf(c),
      areas: NO_AREAS,
    };
    const more = Array.from({ length: c.FC_LOCAL_CENTRES - 1 }, (_, i): CentreConfig => {
      const n = i + 2;
      return {
        ...first,
        id: `centre${n}`,
        mailbox: mailboxOf(c, { address: `familycentre${n}@council.example`, centreName: `Family Centre ${n}` }),
      };
    });
    return [first, ...more];
  }
  const read = readCentresFile(c.FC_CENTRES_FILE);
  if ("problems" in read) throw new ConfigError(read.problems);
  const [head, ...rest] = read.file.centres.map((entry): CentreConfig => {
    const practice = practiceOf(c);
    const mailbox = mailboxOf(c, { address: entry.mailbox, centreName: entry.name });
    return {
      id: entry.id,
      mailbox: {
        ...mailbox,
        earlyHelpDesk: entry.earlyHelpDesk ?? mailbox.earlyHelpDesk,
        ...(entry.intakeFrom === undefined ? {} : { intakeFrom: new Date(entry.intakeFrom).toISOString() }),
      },
      practice: {
        ...practice,
        profileId: entry.profile ?? practice.profileId,
        closureDays: entry.closureDays ?? practice.closureDays,
        workingHours: entry.workingHours ?? practice.workingHours,
        agendaAt: entry.agendaAt ?? practice.agendaAt,
      },
      areas: entry.areas ?? NO_AREAS,
    };
  });
  return [head as CentreConfig, ...rest];
}

/** The shared Front Door address, never one a centre reads as its own (its mail would be taken in twice). */
function frontDoorOf(c: Settings, centres: Config["centres"]): Config["frontDoor"] {
  const address = c.FC_FRONT_DOOR_MAILBOX;
  if (address === undefined) return undefined;
  const clash = centres.find((centre) => centre.mailbox.address === address);
  if (clash !== undefined) {
    throw new ConfigError([
      `FC_FRONT_DOOR_MAILBOX: ${address} is centre ${clash.id}'s own mailbox: give the county's shared address`,
    ]);
  }
  const [first] = centres;
  // Any centre's Early Help Desk may forward to it: the original referrer is looked for behind each of them.
  const earlyHelpDesk = [...new Set(centres.flatMap((centre) => centre.mailbox.earlyHelpDesk))];
  return { mailbox: { ...first.mailbox, address, earlyHelpDesk, centreName: "the county Front Door" } };
}

/** Local mode starts only on a developer's machine; each reason it may not start here is named. */
function refuseUnsafeLocalMode(c: Settings, env: Env): void {
  const platform = Object.entries(PLATFORM_MARKERS).find(([name]) => (env[name] ?? "") !== "")?.[1];
  const reasons = localModeRefusals({
    host: c.FC_HOST,
    storage: { connectionString: c.FC_STORAGE_CONNECTION_STRING, accountUrl: c.FC_STORAGE_ACCOUNT_URL },
    credentials: Object.keys(env).filter(
      (name) => CREDENTIAL_SETTING.test(name) && !["", "false"].includes(env[name] ?? ""),
    ),
    ...(platform ? { platform } : {}),
  });
  if (reasons.length > 0) throw new ConfigError(reasons.map((r) => `local mode refused: ${r}`));
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audiences, the tab's client id (the bare id among them) and its API scope (the Application ID URI's). */
function tabSignIn(audiences: readonly string[]): Config["api"] {
  const clientId = audiences.find((a) => UUID.test(a));
  const uri = audiences.find((a) => a.startsWith("api://"));
  return { audiences, ...(clientId ? { clientId } : {}), ...(uri ? { scope: `${uri}/access_as_user` } : {}) };
}

/** Every setting the service reads: the FC_* ones and Application Insights' own name. */
export const CONFIG_SETTINGS: readonly string[] = Object.keys(schema.shape);

const stripEmpty = (env: Env): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter(
      (e): e is [string, string] => CONFIG_SETTINGS.includes(e[0]) && e[1] !== undefined && e[1] !== "",
    ),
  );
