import type { ConnectorCall } from "../../dev/teams/fake-connector.js";

/** Per London day (as the card heads it, "Tue 24 Nov 2026"), how many times each chat's agenda or digest was posted. */
export type PerDay = Record<string, Record<string, number>>;

export interface TeamsTally {
  /** Agendas posted per day per chat (an agenda split into parts counts once, by its first part). */
  readonly agendasPerDay: PerDay;
  /** Morning digests posted per day per chat (a digest in parts counts once, by its first part). */
  readonly digestsPerDay: PerDay;
  /** Agenda parts or digests posted more than once (same heading, same cases): a scheduled job's output sent twice. */
  readonly jobsRunTwice: number;
  readonly posted: number;
}

const AGENDA = /^(.+?), ((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3} \d{4})(?: \(part (\d+) of (\d+)\))?$/;
const DIGEST = /^Good morning .+: your clocks for (.+?)(?: \(part (\d+) of (\d+)\))?$/;

/** The first TextBlock of a card: agendas and digests head their cards with what and when. */
function headingOf(card: unknown): string | undefined {
  if (Array.isArray(card)) {
    for (const item of card) {
      const found = headingOf(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof card !== "object" || card === null) return undefined;
  const element = card as Record<string, unknown>;
  if (element.type === "TextBlock" && typeof element.text === "string") return element.text;
  return headingOf(element.body ?? element.items ?? []);
}

const caseIdsIn = (card: unknown): string[] => [...new Set(JSON.stringify(card).match(/FC-\d{4}-\d{6}/g) ?? [])].sort();

const cardsOf = (call: ConnectorCall): unknown[] =>
  ((call.activity.attachments ?? []) as Array<{ contentType?: string; content?: unknown }>)
    .filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    .map((a) => a.content);

/**
 * Reads what the bot posted (new activities, not card refreshes) and counts each day's agendas and digests per chat.
 * A part posted twice, or a digest posted twice, is a scheduled job run twice.
 */
export function tallyTeams(calls: readonly ConnectorCall[], chatNames: Readonly<Record<string, string>>): TeamsTally {
  const agendasPerDay: PerDay = {};
  const digestsPerDay: PerDay = {};
  const seen = new Map<string, number>();
  const bump = (table: PerDay, day: string, chat: string) => {
    const row = (table[day] ??= {});
    row[chat] = (row[chat] ?? 0) + 1;
  };
  let posted = 0;
  for (const call of calls) {
    if (call.method !== "POST") continue;
    posted++;
    const chat = chatNames[call.conversationId] ?? call.conversationId;
    for (const card of cardsOf(call)) {
      const heading = headingOf(card);
      if (heading === undefined) continue;
      const digest = DIGEST.exec(heading);
      const agenda = digest ? null : AGENDA.exec(heading);
      if (digest && (digest[2] ?? "1") === "1") bump(digestsPerDay, digest[1] ?? "", chat);
      else if (agenda && (agenda[3] ?? "1") === "1") bump(agendasPerDay, agenda[2] ?? "", chat);
      // The same heading twice is not enough: a past day's agenda posted late is headed with the day it is posted
      // on (bot/views use the clock), so its cases tell the two apart. A repost carries the same cases.
      const key = `${chat}|${heading}|${caseIdsIn(card).join(",")}`;
      if (digest || agenda) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  const jobsRunTwice = [...seen.values()].filter((n) => n > 1).length;
  return { agendasPerDay, digestsPerDay, jobsRunTwice, posted };
}
