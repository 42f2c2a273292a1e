import type { Decider } from "../../src/app/decider.js";
import { deadlines } from "../../src/domain/policy/deadlines.js";
import { workerList } from "../../src/domain/worklists.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { dueCard } from "../cards/due.js";
import type { DueItem } from "../cards/elements/due-items.js";
import { myCasesCard, type MyCase } from "../cards/my-cases.js";
import { refusal } from "../replies.js";
import type { Turn } from "../turn.js";
import { casesOn } from "../views/worklist-cases.js";

const DUE = new Set(["due-soon", "overdue", "breached"]);

const personalOnly = (command: string): AdaptiveCardJson =>
  refusal(`"${command}" is answered only in your personal chat with the bot`, "Message the bot directly.");

/** The cases the person leads or supports, each with its clocks as they stand now. */
async function myCases(deps: BotDeps, who: Decider): Promise<MyCase[]> {
  const now = deps.app.clock.now();
  const cases = await casesOn(deps, workerList(who.actor.id));
  return cases.map(({ case: kase }) => ({
    case: kase,
    clocks: deadlines(kase, deps.app.profile, deps.app.calendar, now),
  }));
}

/** `my cases`: every case on the person's list, in RAG order of its next deadline. */
export async function myCasesNow(deps: BotDeps, turn: Turn, who: Decider): Promise<AdaptiveCardJson> {
  if (turn.conversation.type !== "personal") return personalOnly("my cases");
  return myCasesCard({ timeZone: deps.app.calendar.timeZone, cases: await myCases(deps, who) });
}

/** `due`: what is due soon or overdue on the person's cases. */
export async function dueNow(deps: BotDeps, turn: Turn, who: Decider): Promise<AdaptiveCardJson> {
  if (turn.conversation.type !== "personal") return personalOnly("due");
  const items: DueItem[] = (await myCases(deps, who)).flatMap((mine) =>
    mine.clocks
      .filter((d) => DUE.has(d.status))
      .map((deadline) => ({
        caseId: mine.case.id,
        ...(mine.case.summary ? { caseSummary: mine.case.summary } : {}),
        deadline,
      })),
  );
  return dueCard({ timeZone: deps.app.calendar.timeZone, items });
}
