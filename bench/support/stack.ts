import { createTransport } from "nodemailer";
import { freePort, startAzurite, type RunningAzurite } from "../../dev/azurite.js";
import type { MailboxLimitSettings } from "../../dev/m365/mailbox-limits.js";
import { startStandIn, type StandIn } from "../../dev/m365/stand-in.js";
import { spawnService, type ServiceProcess } from "./service-process.js";
import { startTableProxy, type TableProxy } from "./table-proxy.js";

export const BENCH_MAILBOX = "familycentre@council.example";

export interface BenchStackOptions {
  /** The stand-in enforces these mailbox limits (429 + Retry-After) when given. */
  readonly mailboxLimits?: MailboxLimitSettings;
  readonly seed?: number;
  /** Extra FC_* settings for the service (e.g. FC_MAX_ACKS_PER_SENDER_PER_DAY). */
  readonly serviceEnv?: Readonly<Record<string, string>>;
  /** Start the service process now (default true); false to seed the store first. */
  readonly startService?: boolean;
  /** Keep Azurite's tables in this folder, so that it can be restarted without losing them (the chaos run). */
  readonly azuriteLocation?: string;
  /** The stand-in's clock (default the system's), e.g. the same stepped clock the service runs on. */
  readonly now?: () => Date;
  /** A dev-only entry point to run instead of src/server.ts (see spawnService). */
  readonly serviceEntry?: string;
}

export interface BenchStack {
  readonly azurite: RunningAzurite;
  /** Counts the service's table operations (the bench's own seeding goes to Azurite directly). */
  readonly tables: TableProxy;
  /** In this process, so its stats and mailbox can be read directly. */
  readonly standIn: StandIn;
  /** The environment the service process runs with. */
  readonly serviceEnv: Readonly<Record<string, string>>;
  /** The running service process; throws when none is running. */
  service(): ServiceProcess;
  startService(): Promise<ServiceProcess>;
  /** Stops the service (SIGTERM, or SIGKILL for a crash) and starts it again on the same port and store. */
  restartService(signal?: NodeJS.Signals): Promise<ServiceProcess>;
  stopService(signal?: NodeJS.Signals): Promise<void>;
  /** Hands raw MIME to the stand-in's SMTP server, over a small pool of connections. */
  sendMail(raw: string): Promise<void>;
  close(): Promise<void>;
}

/** The stand-in's SMTP server over a small pool of connections, as a busy mail relay hands mail over. */
export const pooledSmtp = (port: number) =>
  createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 4,
    maxMessages: Infinity,
  });

/**
 * Local mode on free ports, as `npm start` wires it, with the service as a separate process:
 * Azurite (in memory) ← counting proxy ← service → stand-in (SMTP in, Graph out).
 */
export async function startBenchStack(options: BenchStackOptions = {}): Promise<BenchStack> {
  const azurite = await startAzurite(
    options.azuriteLocation === undefined ? {} : { location: options.azuriteLocation },
  );
  const tables = await startTableProxy(azurite);
  const standIn = await startStandIn({
    smtpPort: 0,
    graphPort: 0,
    mailbox: BENCH_MAILBOX,
    seed: options.seed ?? 7,
    ...(options.now ? { now: options.now } : {}),
    ...(options.mailboxLimits ? { mailboxLimits: options.mailboxLimits } : {}),
  });
  if (options.mailboxLimits) standIn.faults.set({ enforceMailboxLimits: true });
  const port = await freePort();
  const serviceEnv: Record<string, string> = {
    FC_MODE: "local",
    FC_HOST: "127.0.0.1",
    FC_PORT: String(port),
    FC_PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    FC_GRAPH_BASE_URL: standIn.graphBaseUrl,
    FC_STORAGE_CONNECTION_STRING: tables.connectionString,
    FC_MAILBOX: BENCH_MAILBOX,
    ...options.serviceEnv,
  };
  const smtp = pooledSmtp(standIn.smtpPort);
  let current: ServiceProcess | undefined;
  const stopService = async (signal: NodeJS.Signals = "SIGTERM") => {
    await current?.kill(signal);
    current = undefined;
  };
  const startService = async () => {
    if (current) throw new Error("the service is already running");
    current = await spawnService(serviceEnv, undefined, options.serviceEntry);
    return current;
  };
  const stack: BenchStack = {
    azurite,
    tables,
    standIn,
    serviceEnv,
    service: () => {
      if (!current) throw new Error("the service is not running");
      return current;
    },
    startService,
    restartService: async (signal) => {
      await stopService(signal);
      return startService();
    },
    stopService,
    sendMail: async (raw) => {
      await smtp.sendMail({ envelope: { from: "bench@example.org", to: [BENCH_MAILBOX] }, raw });
    },
    close: async () => {
      smtp.close();
      await stopService("SIGKILL");
      await standIn.close();
      await tables.close();
      await azurite.stop();
    },
  };
  if (options.startService ?? true) await startService();
  return stack;
}
