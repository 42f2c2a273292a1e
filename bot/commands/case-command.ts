import { deadlines } from "../../src/domain/rules/deadlines.js";
import type { BotDeps } from "../bot-deps.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";
import { caseCard } from "../cards/case-card.js";
import { refusal } from "../replies.js";
import type { Turn } from "../turn.js";

/** `case FC-…`: the whole case, names included, so only in a personal chat (never a shared one). */
export async function caseNow(deps: BotDeps, turn: Turn, reference: string): Promise<AdaptiveCardJson> {
  if (turn.conversation.type !== "personal") {
    return refusal(
      "A case is shown only in your personal chat with the bot",
      `Shared chats never see a family's details. Message the bot directly with "case ${reference}".`,
    );
  }
  const stored = await deps.app.cases.findCase(reference);
  if (stored === undefined) return refusal(`There is no case ${reference}`, "Check the reference and try again.");
  const kase = stored.case;
  const lead = kase.leadWorkerId === undefined ? undefined : (await deps.app.staff.get(kase.leadWorkerId))?.value;
  return caseCard({
    timeZone: deps.app.calendar.timeZone,
    case: kase,
    ...(lead ? { leadWorkerName: lead.displayName } : {}),
    clocks: deadlines(kase, deps.app.profile, deps.app.calendar, deps.app.clock.now()),
  });
}
