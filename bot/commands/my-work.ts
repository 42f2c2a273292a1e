import type { Decider } from "../../src/app/decider.js";
import { myCases } from "../../src/app/queries/case-lists.js";
import { dueClocksOf } from "../../src/app/queries/due-clocks.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { dueCards } from "../cards/due.js";
import { myCasesCards } from "../cards/my-cases.js";
import { refusal } from "../replies.js";
import type { Turn } from "../turn.js";

const personalOnly = (command: string): AdaptiveCardJson =>
  refusal(`"${command}" is answered only in your personal chat with the bot`, "Message the bot directly.");

/** `my cases`: every case on the person's list, most urgent first (as the tab's "my cases" orders them). */
export async function myCasesNow(deps: BotDeps, turn: Turn, who: Decider): Promise<AdaptiveCardJson[]> {
  if (turn.conversation.type !== "personal") return [personalOnly("my cases")];
  const readings = await myCases(deps.app, who.actor.id);
  return myCasesCards({
    timeZone: deps.app.calendar.timeZone,
    cases: readings.map((reading) => ({ case: reading.stored.case, clocks: reading.clocks })),
  });
}

/** `due`: what is due soon or overdue on the person's cases. */
export async function dueNow(deps: BotDeps, turn: Turn, who: Decider): Promise<AdaptiveCardJson[]> {
  if (turn.conversation.type !== "personal") return [personalOnly("due")];
  const items = dueClocksOf(await myCases(deps.app, who.actor.id));
  return dueCards({ timeZone: deps.app.calendar.timeZone, items });
}
