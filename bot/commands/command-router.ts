import { mayTake, type ReadAccess } from "../../src/app/access/roles.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { refusal, roleRefused } from "../replies.js";
import type { Reply } from "./reply.js";
import type { Turn } from "../turn.js";
import { caseNow } from "./case-command.js";
import { centreSwitcher } from "./centre.js";
import { toAsk } from "./ask.js";
import { help } from "./help.js";
import { findCasesNow } from "./find-cases.js";
import { dueNow, myCasesNow } from "./my-work.js";
import { maamNow, screeningNow, transferPanelNow } from "./panel-agendas.js";
import { parseCommand } from "./parse-command.js";
import { logContactNow } from "./log-contact.js";
import { useThisChat } from "./use-this-chat.js";

const notOnStaffList = (turn: Turn): AdaptiveCardJson =>
  refusal(
    "You are not on the Family Centre's staff list",
    `Ask a manager to add you to the staff list with your role. Send "${toAsk(turn, "help")}" to see what the bot does.`,
  );

/** The role each read command needs, as the tab's API asks for the same reads (`case` then asks need to know). */
const NEEDS: Record<
  "screening" | "maam" | "transfer panel" | "case" | "find" | "my cases" | "due" | "log contact",
  ReadAccess
> = {
  screening: "agendas",
  maam: "agendas",
  "transfer panel": "agendas",
  case: "anyone",
  find: "anyone",
  "my cases": "caseload",
  due: "caseload",
  "log contact": "duty",
};

/** Answers a typed command with cards; anything else gets the help card. */
export async function answerCommand(deps: BotDeps, turn: Turn, text: string): Promise<Reply[]> {
  const command = parseCommand(text);
  deps.app.logger.info("bot.command", { command: command.name, conversationType: turn.conversation.type });
  if (command.name === "help" || command.name === "unknown") return [await help(deps, turn)];
  if (command.name === "use this chat") return useThisChat(deps, turn, command.purpose);
  const who = await deps.identify(turn.user);
  if (who === undefined) return [notOnStaffList(turn)];
  if (command.name === "centre") return [await centreSwitcher(deps, turn)];
  if (!mayTake(who, NEEDS[command.name])) {
    deps.app.logger.info("bot.command-refused", { command: command.name, code: "AUTH.ROLE_REFUSED" });
    return [roleRefused(`"${command.name}"`)];
  }
  switch (command.name) {
    case "screening":
      return screeningNow(deps);
    case "maam":
      return maamNow(deps);
    case "transfer panel":
      return transferPanelNow(deps);
    case "case":
      return [await caseNow(deps, turn, who, command.reference)];
    case "find":
      return findCasesNow(deps, turn, who, command.words);
    case "my cases":
      return myCasesNow(deps, turn, who);
    case "due":
      return dueNow(deps, turn, who);
    case "log contact":
      return [logContactNow(turn)];
  }
}
