import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createBot, type Bot } from "../../../bot/bot-adapter.js";
import type { BotAuth, BotDeps, Pacing } from "../../../bot/bot-deps.js";
import type { BotCounty } from "../../../bot/centres/bot-centres.js";
import type { AppDeps } from "../../../src/app/app-deps.js";
import { staffOfTeamsUser } from "../../../src/app/people.js";
import { reindexCase } from "../../../src/app/reindex-case.js";
import { everyoneHasEveryRole } from "../../../src/compose/local-mode/local-mode.js";
import type { Case } from "../../../src/domain/case.js";
import type { Contact } from "../../../src/domain/contact.js";
import { englandAndWalesBankHolidays } from "../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../src/domain/calendar/create-calendar.js";
import { createLogger } from "../../../src/logging/logger.js";
import { loadProfile } from "../../../src/policy/profiles/index.js";
import type { Mailbox } from "../../../src/ports/mailbox.js";
import type { StaffMember } from "../../../src/ports/records.js";
import { createMemoryStore } from "../../../src/store/memory/create-memory-store.js";
import type { Store } from "../../../src/store/store.js";
import { startFakeConnector, type FakeConnector } from "../../../dev/teams/fake-connector.js";
import { movableClock, type MovableClock } from "../../support/app-harness.js";

/** The bot never sends mail itself: the outbox does. A mailbox that is touched is a test failure. */
const noMailbox = new Proxy({} as Mailbox, {
  get: (_t, name) => () => Promise.reject(new Error(`The bot called the mailbox (${String(name)}).`)),
});

/**
 * Pacing that never really waits: sleeps move a fake clock, so rate limits and back-off run instantly. Its jitter
 * waits each back-off step whole unless a test sets `jitter` (the random draw, in [0, 1)).
 */
export function fakePacing(startMs = 0): Pacing & { slept: number[]; jitter: number } {
  let now = startMs;
  const slept: number[] = [];
  return {
    slept,
    jitter: 1,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    random() {
      return this.jitter;
    },
  };
}

export interface BotHarness {
  readonly bot: Bot;
  readonly deps: BotDeps;
  readonly store: Store;
  readonly clock: MovableClock;
  readonly connector: FakeConnector;
  readonly logLines: string[];
  readonly pacing: ReturnType<typeof fakePacing>;
  /** Where activities are POSTed (the integrator mounts `handle` the same way at /api/messages). */
  readonly messagesUrl: string;
  addCase(kase: Case, contacts?: readonly Contact[]): Promise<void>;
  addStaff(member: StaffMember): Promise<void>;
  close(): Promise<void>;
}

export interface BotHarnessOptions {
  readonly store?: Store;
  readonly auth?: BotAuth;
  /** Local mode's "whoever chats has every role"; otherwise the Staff table says who someone is. */
  readonly everyoneHasEveryRole?: boolean;
  readonly now?: string;
  readonly profileId?: string;
  /** The Teams app's id, as production has it: links into the tab are then Teams deep links. */
  readonly teamsAppId?: string;
  /** One of a county's centres: its bot's centre and the others (and the centre's name, for its letters and cards). */
  readonly county?: BotCounty;
  readonly centreName?: string;
}

/** The real CloudAdapter behind an express route, a fake Bot Connector for what it sends, and a store. */
export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const store = options.store ?? createMemoryStore();
  const clock = movableClock(options.now ?? "2026-01-13T10:30:00Z");
  const logLines: string[] = [];
  const logger = createLogger((line) => logLines.push(line), {}, clock.now);
  const app: AppDeps = {
    ...store,
    mailbox: noMailbox,
    profile: loadProfile(options.profileId ?? "family-solutions"),
    calendar: createCalendar({ bankHolidays: englandAndWalesBankHolidays(2025, 2028) }),
    clock,
    logger,
    mailContext: {
      groupMailbox: "familycentre@council.example",
      earlyHelpDesk: ["earlyhelpdesk@council.example"],
      ownMarker: { header: "x-fc-outbox-key" },
      caseReferencePattern: /FC-\d{4}-\d{6}/,
    },
    centre: {
      name: options.centreName ?? "Family Centre North",
      mailbox: "familycentre@council.example",
      maxAcksPerSenderPerDay: 10,
      letterInTransitMinutes: 15,
      acknowledgeWithinHours: 96,
    },
  };
  const pacing = fakePacing();
  const deps: BotDeps = {
    app,
    identify: options.everyoneHasEveryRole ? everyoneHasEveryRole : staffOfTeamsUser(app),
    auth: options.auth ?? { mode: "local" },
    tabUrl: "https://tab.example/",
    ...(options.teamsAppId ? { teamsAppId: options.teamsAppId } : {}),
    ...(options.county ? { county: options.county } : {}),
    pacing,
  };
  const bot = createBot(deps);
  const web = express();
  web.use(express.json());
  web.post("/api/messages", (req, res) => bot.handle(req, res));
  const server: Server = createServer(web);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const connector = await startFakeConnector();
  return {
    bot,
    deps,
    store,
    clock,
    connector,
    logLines,
    pacing,
    messagesUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    async addCase(kase, contacts = []) {
      await store.cases.create(kase, kase.events, contacts);
      await reindexCase(app, kase, clock.now());
    },
    async addStaff(member) {
      await store.staff.put(member.id, member);
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
    },
  };
}
