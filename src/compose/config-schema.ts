import { z } from "zod";
import { CENTRE_ID } from "../store/create-table-store.js";

/** The well-known Azurite development account (public and documented; only ever used in local mode). */
export const AZURITE_DEV_CONNECTION_STRING =
  "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
  "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
  "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

export const LOCAL_DEFAULTS = {
  FC_HOST: "127.0.0.1",
  FC_PORT: "3978",
  FC_STORAGE_CONNECTION_STRING: AZURITE_DEV_CONNECTION_STRING,
  FC_GRAPH_BASE_URL: "http://127.0.0.1:4000/v1.0",
  FC_PUBLIC_BASE_URL: "http://127.0.0.1:3978",
  FC_NOTIFICATION_CLIENT_STATE: "local-development-client-state",
} as const;

/** The one centre's id when FC_CENTRE_ID is not set: local mode's, and a one-centre deployment's. */
export const DEFAULT_CENTRE_ID = "main";

const email = z.string().trim().toLowerCase().pipe(z.email());
const emailList = z
  .string()
  .transform((s) => s.split(",").map((a) => a.trim().toLowerCase()))
  .pipe(z.array(z.email()).min(1));
const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use 24-hour HH:MM, e.g. 09:00");

/** Every setting, validated; production's requirements are checked together so all are named at once. */
export const schema = z
  .object({
    FC_MODE: z.enum(["local", "production"]),
    FC_HOST: z.string().min(1).default("0.0.0.0"),
    FC_PORT: intFrom(1, 65535).default(3978),
    FC_INSTANCE_ID: z.string().trim().min(1).max(100).optional(),
    /** Requests a minute one caller may make to the tab's API, and activities one Teams user may send the bot. */
    FC_API_RATE_LIMIT: intFrom(10, 100_000).default(600),
    FC_BOT_RATE_LIMIT: intFrom(10, 100_000).default(120),
    FC_PUBLIC_BASE_URL: z.url().optional(),
    FC_STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
    FC_STORAGE_ACCOUNT_URL: z.url().optional(),
    /** The same account's blob endpoint, for the access audit's append blobs (by identity, with the table URL). */
    FC_AUDIT_BLOB_ACCOUNT_URL: z
      .url()
      .refine((u) => u.startsWith("https://"), "use the storage account's https:// blob endpoint")
      .optional(),
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
    /** The one centre's id (its tables: `<prefix><id>Cases`…) when there is no FC_CENTRES_FILE. */
    FC_CENTRE_ID: z
      .string()
      .regex(CENTRE_ID, "lower-case letters and digits, starting with a letter, at most 12; not county or frontdoor")
      .default(DEFAULT_CENTRE_ID),
    /** A JSON file naming every centre this deployment serves (README, "Many centres"); its entries override FC_*. */
    FC_CENTRES_FILE: z.string().min(1).optional(),
    /**
     * The county's shared Front Door address: its mail is routed to the centre whose areas (FC_CENTRES_FILE) the
     * form's postcode or school names, or waits in the county triage queue. Unset: no shared address is read.
     */
    FC_FRONT_DOOR_MAILBOX: email.optional(),
    /** LOCAL MODE ONLY: how many demo centres to run (`familycentre@…`, then `familycentre2@…`…). */
    FC_LOCAL_CENTRES: intFrom(1, 50).default(1),
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
    /** Exchange's sending limits per mailbox (lower them to leave room for people sending from the mailbox too). */
    FC_LETTERS_PER_MINUTE: intFrom(1, 1000).default(30),
    FC_RECIPIENTS_PER_DAY: intFrom(1, 1_000_000).default(10_000),
    FC_ACK_MAX_AGE_HOURS: intFrom(1, 24 * 365).default(96),
    FC_INTAKE_FROM: z.iso.datetime({ offset: true }).optional(),
    FC_JUNK_MAIL: z.enum(["sweep", "leave"]).default("sweep"),
    /**
     * LOCAL MODE ONLY: `on` seeds a made-up centre's three months of history once (`npm start` sets it unless
     * `FC_DEMO=off`); never in production.
     */
    FC_DEMO: z.enum(["on", "off"]).default("off"),
    /** How much of a message body the intake reads (characters): the rest is cut, and the contact says so. */
    FC_MAX_HTML_BODY_CHARS: intFrom(16_384, 16_777_216).default(1_048_576),
    FC_MAX_TEXT_BODY_CHARS: intFrom(4_096, 4_194_304).default(262_144),
    FC_SUBSCRIPTION_LIFETIME_MINUTES: intFrom(45, 10080).default(4230),
    FC_DELTA_SAFETY_NET_MINUTES: intFrom(1, 60).default(5),
    FC_BOT_APP_ID: z.string().uuid().optional(),
    FC_BOT_APP_TYPE: z.enum(["SingleTenant", "UserAssignedMSI"]).default("SingleTenant"),
    FC_BOT_APP_PASSWORD: z.string().min(1).optional(),
    /** The Teams app's id (the manifest's `id`, the Agents Toolkit's TEAMS_APP_ID); the bot's id when not set. */
    FC_TEAMS_APP_ID: z.string().uuid().optional(),
    /** Bot Connector hosts besides Teams' own a `serviceUrl` may name (a sovereign cloud, a test connector). */
    FC_BOT_SERVICE_URL_HOSTS: z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$/, "host names only, comma-separated")))
      .optional(),
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
    if (c.FC_LOCAL_CENTRES > 1 && c.FC_CENTRES_FILE !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["FC_LOCAL_CENTRES"],
        message: "the centres come from FC_CENTRES_FILE: leave FC_LOCAL_CENTRES unset",
      });
    }
    if (c.FC_MODE !== "production") return;
    if (c.FC_LOCAL_CENTRES > 1) {
      ctx.addIssue({
        code: "custom",
        path: ["FC_LOCAL_CENTRES"],
        message: "demo centres are for local mode only: name the council's centres in FC_CENTRES_FILE",
      });
    }
    if (c.FC_DEMO === "on") {
      ctx.addIssue({ code: "custom", path: ["FC_DEMO"], message: "the demo centre is for local mode only: use off" });
    }
    need("FC_TENANT_ID", "the Microsoft Entra tenant id (GUID) of the council");
    need("FC_BOT_APP_ID", "the bot's Microsoft App ID (single-tenant app registration or managed identity)");
    if (!c.FC_USE_MANAGED_IDENTITY) {
      need("FC_CLIENT_ID", "the app registration's Application (client) id, or set FC_USE_MANAGED_IDENTITY=true");
      need("FC_CLIENT_SECRET", "the app registration's client secret (a Key Vault reference), or use managed identity");
    }
    if (c.FC_BOT_APP_ID !== undefined && c.FC_BOT_APP_ID.toLowerCase() === c.FC_CLIENT_ID?.toLowerCase()) {
      ctx.addIssue({
        code: "custom",
        path: ["FC_BOT_APP_ID"],
        message:
          "the bot needs its own app registration (or managed identity), separate from FC_CLIENT_ID's mail and API, so a token for one is never taken for the other",
      });
    }
    if (c.FC_STORAGE_ACCOUNT_URL !== undefined && !c.FC_USE_MANAGED_IDENTITY && c.FC_CLIENT_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["FC_STORAGE_ACCOUNT_URL"],
        message: "reach it by managed identity (FC_USE_MANAGED_IDENTITY=true) or the app registration's secret",
      });
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
    if (c.FC_STORAGE_ACCOUNT_URL !== undefined && c.FC_AUDIT_BLOB_ACCOUNT_URL === undefined) {
      need(
        "FC_AUDIT_BLOB_ACCOUNT_URL",
        "the storage account's blob endpoint (https://<account>.blob.core.windows.net), where the access audit is appended",
      );
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

export type Settings = z.infer<typeof schema>;
