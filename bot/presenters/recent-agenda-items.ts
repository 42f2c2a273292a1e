import type { StoredCase } from "../../src/ports/cases.js";
import type { BotDeps } from "../bot-deps.js";
import type { WorkerChoice } from "../cards/elements/decision.js";
import type { MaamAgendaItem } from "../cards/maam-agenda.js";
import type { ScreeningAgendaItem } from "../cards/screening-agenda.js";
import { workerChoices } from "./workers.js";

/**
 * How long an agenda item this process built is reused for a decision's refreshed card. A panel works through a
 * card within minutes; a case changed elsewhere (in the tab) meanwhile shows as it was for at most this long, and a
 * click on it is still refused and answered with who decided. Caseloads in the worker picker are a warning (11.3).
 */
const REUSE_FOR_MS = 60_000;
const CAPACITY = 1_000;

interface Kept<T> {
  readonly value: T;
  /** How many events the case had when the item was built: an older view never replaces a newer one. */
  readonly version: number;
  readonly at: number;
}

/** Agenda items built lately, by case, so a click redraws only the case it changed instead of the whole card. */
export class RecentItems<Item> {
  readonly #kept = new Map<string, Kept<Item>>();

  recall(caseId: string, nowMs: number): Item | undefined {
    const kept = this.#kept.get(caseId);
    return kept !== undefined && nowMs - kept.at < REUSE_FOR_MS ? kept.value : undefined;
  }

  /** Builds and keeps the item for `version` of the case, unless that version or a newer one is kept already. */
  keep(caseId: string, version: number, build: () => Item, nowMs: number): void {
    const kept = this.#kept.get(caseId);
    if (kept !== undefined && kept.version >= version && nowMs - kept.at < REUSE_FOR_MS) return;
    this.#kept.delete(caseId);
    this.#kept.set(caseId, { value: build(), version, at: nowMs });
    if (this.#kept.size > CAPACITY) {
      const oldest = this.#kept.keys().next();
      if (oldest.done !== true) this.#kept.delete(oldest.value);
    }
  }
}

/** The worker picker's choices, counted once for many clicks (a read of every worker's list). */
class RecentWorkers {
  #kept: { readonly choices: Promise<WorkerChoice[]>; readonly at: number } | undefined;

  choices(deps: BotDeps, nowMs: number): Promise<WorkerChoice[]> {
    if (this.#kept === undefined || nowMs - this.#kept.at >= REUSE_FOR_MS) {
      const choices = workerChoices(deps);
      // A failed count is not kept: the next click asks again.
      choices.catch(() => {
        if (this.#kept?.choices === choices) this.forget();
      });
      this.#kept = { choices, at: nowMs };
    }
    return this.#kept.choices;
  }

  /** A decision allocated a worker: their caseload changed. */
  forget(): void {
    this.#kept = undefined;
  }
}

/** One read of a case at a time: clicks arriving together on a card not seen lately share the reads. */
class SharedReads {
  readonly #reading = new Map<string, Promise<StoredCase | undefined>>();

  read(deps: BotDeps, caseId: string): Promise<StoredCase | undefined> {
    let reading = this.#reading.get(caseId);
    if (reading === undefined) {
      reading = deps.app.cases.findCase(caseId).finally(() => this.#reading.delete(caseId));
      this.#reading.set(caseId, reading);
    }
    return reading;
  }
}

export interface RecentAgendaItems {
  readonly screening: RecentItems<ScreeningAgendaItem>;
  readonly maam: RecentItems<MaamAgendaItem>;
  readonly workers: RecentWorkers;
  readonly reads: SharedReads;
}

const byBot = new WeakMap<BotDeps, RecentAgendaItems>();

/** This bot's recent agenda items (one set per bot, so tests and deployments never share them). */
export function recentAgendaItems(deps: BotDeps): RecentAgendaItems {
  let recent = byBot.get(deps);
  if (recent === undefined) {
    recent = {
      screening: new RecentItems(),
      maam: new RecentItems(),
      workers: new RecentWorkers(),
      reads: new SharedReads(),
    };
    byBot.set(deps, recent);
  }
  return recent;
}
