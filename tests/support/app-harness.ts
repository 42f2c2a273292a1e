import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { startStandIn, type StandIn } from "../../dev/m365/stand-in.js";
import type { AppDeps, Centre } from "../../src/app/app-deps.js";
import { englandAndWalesBankHolidays } from "../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../src/domain/calendar/create-calendar.js";
import type { MailContext } from "../../src/domain/mail/mail-context.js";
import { createGraphClient, type GraphClientOptions } from "../../src/graph/graph-client.js";
import { GraphMailbox } from "../../src/graph/graph-mailbox.js";
import { newGraphMetrics, type GraphMetrics } from "../../src/graph/request-policy.js";
import { createLogger } from "../../src/logging/logger.js";
import { loadProfile } from "../../src/policy/profiles/index.js";
import type { Clock } from "../../src/ports/clock.js";
import type { LetterPaceLimits } from "../../src/domain/mail/letter-pace.js";
import type { Mailbox } from "../../src/ports/mailbox.js";
import { createTableStore } from "../../src/store/create-table-store.js";
import type { TableName } from "../../src/store/store.js";
import { TableClient } from "@azure/data-tables";
import type { Store } from "../../src/store/store.js";
import { systemClock } from "../../src/compose/system-clock.js";

export const GROUP_MAILBOX = "familycentre@council.example";
export const EARLY_HELP_DESK = "earlyhelpdesk@council.example";

export const MAIL_CONTEXT: MailContext = {
  groupMailbox: GROUP_MAILBOX,
  earlyHelpDesk: [EARLY_HELP_DESK],
  ownMarker: { header: "x-fc-outbox-key" },
  caseReferencePattern: /FC-\d{4}-\d{6}/,
};

/** A clock that stands still until a test moves it. */
export interface MovableClock extends Clock {
  set(instant: string): void;
  advance(ms: number): void;
}

export function movableClock(start: string): MovableClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (instant) => (now = new Date(instant)),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
  };
}

/** One message as Graph shows it in Sent Items (the fields the tests read). */
export interface SentItem {
  readonly id: string;
  readonly subject: string;
  readonly conversationId: string;
  readonly from?: { readonly emailAddress: { readonly address: string } };
  readonly toRecipients: ReadonlyArray<{ readonly emailAddress: { readonly address: string } }>;
  readonly body: { readonly content: string };
}

export interface AppHarness {
  readonly deps: AppDeps;
  readonly store: Store;
  readonly standIn: StandIn;
  readonly clock: MovableClock;
  readonly graphMetrics: GraphMetrics;
  /** Every log line written by the use cases and the Graph adapter. */
  readonly logLines: string[];
  /** Delivers a fixture from tests/fixtures/mail into the Inbox, optionally edited first; returns its Graph id. */
  deliverFixture(file: string, edit?: (raw: string) => string): Promise<string>;
  /** Sent Items, read through the stand-in's Graph API as any client would. */
  sentItems(): Promise<SentItem[]>;
  /** Every row of one of this harness's tables as Azurite holds it (all properties, untyped): what a DPO would find. */
  rawRows(table: TableName): Promise<Record<string, unknown>[]>;
  /** A second instance of the service: its own adapters (and their caches) over the same tables and mailbox. */
  anotherInstance(): Promise<AppDeps>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** London working time on a Monday by default: the fixtures' own date. */
  readonly now?: string;
  readonly maxAcksPerSenderPerDay?: number;
  readonly letterInTransitMinutes?: number;
  readonly acknowledgeWithinHours?: number;
  /** The mailbox's sending limits (Exchange's, 30 a minute and 10,000 recipients a day, unless given). */
  readonly letterPace?: LetterPaceLimits;
  /** Go-live; a day before `now` unless given (`undefined`: the first inbox round's start, as in production). */
  readonly intakeFrom?: string | undefined;
  readonly graph?: Partial<GraphClientOptions>;
  /** How many messages a filtered delta round returns at most, in the stand-in and as the adapter expects. */
  readonly deltaFilterCap?: number;
  /** Wraps the production mailbox, e.g. to make one call fail as a crash would. */
  readonly wrapMailbox?: (mailbox: Mailbox) => Mailbox;
  /** The practice framework in force (family-solutions by default). */
  readonly profileId?: string;
}

const goLive = (options: HarnessOptions, now: Date): { intakeFrom?: string } => {
  if ("intakeFrom" in options) return options.intakeFrom === undefined ? {} : { intakeFrom: options.intakeFrom };
  return { intakeFrom: new Date(now.getTime() - 24 * 60 * 60_000).toISOString() };
};

const FIXTURES = fileURLToPath(new URL("../fixtures/mail/", import.meta.url));

export const readFixture = (file: string): Promise<string> => readFile(`${FIXTURES}${file}`, "utf8");

/**
 * Real components end to end: the M365 stand-in behind the production Graph adapter, the Table store over Azurite
 * (fresh tables per harness, so Graph ids the stand-in reissues never meet an old ledger), the family-solutions
 * profile and the England & Wales calendar.
 */
export async function startAppHarness(options: HarnessOptions = {}): Promise<AppHarness> {
  const clock = movableClock(options.now ?? "2026-01-12T09:41:17Z");
  const standIn = await startStandIn({
    smtpPort: 0,
    graphPort: 0,
    mailbox: GROUP_MAILBOX,
    now: clock.now,
    ...(options.deltaFilterCap === undefined ? {} : { deltaFilterCap: options.deltaFilterCap }),
  });
  const tables = { allowInsecureConnection: true, tablePrefix: `App${randomBytes(6).toString("hex")}` };
  const store = await createTableStore(inject("azuriteConnectionString"), tables);
  const logLines: string[] = [];
  const logger = createLogger((line) => logLines.push(line), {}, clock.now);
  const graphMetrics = newGraphMetrics();
  const graph = createGraphClient({
    baseUrl: standIn.graphBaseUrl,
    credential: { staticToken: "local" },
    clock: systemClock,
    metrics: graphMetrics,
    ...options.graph,
  });
  const graphMailbox = new GraphMailbox(graph, {
    mailbox: GROUP_MAILBOX,
    pageSize: 3,
    logger,
    ...(options.deltaFilterCap === undefined ? {} : { filteredRoundCap: options.deltaFilterCap }),
  });
  const centre: Centre = {
    name: "Family Centre North",
    mailbox: GROUP_MAILBOX,
    maxAcksPerSenderPerDay: options.maxAcksPerSenderPerDay ?? 10,
    letterInTransitMinutes: options.letterInTransitMinutes ?? 15,
    acknowledgeWithinHours: options.acknowledgeWithinHours ?? 96,
    ...(options.letterPace === undefined ? {} : { letterPace: options.letterPace }),
    ...goLive(options, clock.now()),
  };
  const deps: AppDeps = {
    ...store,
    mailbox: options.wrapMailbox ? options.wrapMailbox(graphMailbox) : graphMailbox,
    profile: loadProfile(options.profileId ?? "family-solutions"),
    calendar: createCalendar({ bankHolidays: englandAndWalesBankHolidays(2025, 2028) }),
    clock,
    logger,
    mailContext: MAIL_CONTEXT,
    centre,
  };
  return {
    deps,
    store,
    standIn,
    clock,
    graphMetrics,
    logLines,
    deliverFixture: async (file, edit = (raw) => raw) => standIn.deliver(edit(await readFixture(file))),
    sentItems: async () => {
      const response = await fetch(
        `${standIn.graphBaseUrl}/users/${GROUP_MAILBOX}/mailFolders/sentitems/messages?$top=100`,
        { headers: { authorization: "Bearer local" } },
      );
      if (!response.ok) throw new Error(`Sent Items answered ${response.status}`);
      return ((await response.json()) as { value: SentItem[] }).value;
    },
    rawRows: async (table) => {
      const client = TableClient.fromConnectionString(
        inject("azuriteConnectionString"),
        `${tables.tablePrefix}${table}`,
        { allowInsecureConnection: true },
      );
      const rows: Record<string, unknown>[] = [];
      for await (const row of client.listEntities()) rows.push(row);
      return rows;
    },
    anotherInstance: async () => ({
      ...deps,
      ...(await createTableStore(inject("azuriteConnectionString"), tables)),
      mailbox: new GraphMailbox(graph, { mailbox: GROUP_MAILBOX, pageSize: 3, logger }),
    }),
    close: () => standIn.close(),
  };
}
