import type { Request, Response } from "express";
import type { Bot } from "../bot-adapter.js";
import { parseCommand } from "../commands/parse-command.js";
import { conversationKey, conversationOf, teamsUserOf } from "../conversation-keys.js";
import { centresOfPerson, type BotCentres } from "./bot-centres.js";
import { CENTRE_KEY } from "./stamp-centre.js";

/** The parts of a Teams activity that say which centre it is for, as posted (before the SDK reads it). */
interface RoutedActivity {
  readonly type?: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly text?: string;
  readonly conversation?: { readonly id?: string; readonly conversationType?: string };
  readonly channelData?: unknown;
  readonly from?: { readonly id?: string; readonly aadObjectId?: string; readonly name?: string };
}

/** The centre a click names: an `adaptiveCard/action` invoke's data, or an `Action.Submit`'s value. */
function centreOnCard(activity: RoutedActivity): unknown {
  const value = activity.value as Record<string, unknown> | undefined;
  if (activity.type === "invoke" && activity.name === "adaptiveCard/action") {
    return ((value?.["action"] as { data?: Record<string, unknown> } | undefined)?.data ?? {})[CENTRE_KEY];
  }
  return activity.type === "message" ? value?.[CENTRE_KEY] : undefined;
}

/** "use this chat for …" (Teams leaves the @mention in the text): the person chooses the chat for their own centre. */
const choosesTheChat = (activity: RoutedActivity): boolean =>
  activity.type === "message" &&
  parseCommand((activity.text ?? "").replace(/<at>[^<]*<\/at>/g, "")).name === "use this chat";

/**
 * The centre a turn is for: the one named by the card clicked (every card a centre's bot sends names it); else, in a
 * group chat or channel, the centre it was registered to (unless a manager is choosing it again); else the person's
 * chosen centre, or their only (or first) one. Someone on no centre's staff list goes to the first centre, whose bot
 * refuses them as it always has.
 */
export async function centreOfActivity(centres: BotCentres, activity: RoutedActivity): Promise<string> {
  const known = (id: unknown): id is string => typeof id === "string" && centres.all.some((c) => c.id === id);
  const named = centreOnCard(activity);
  if (known(named)) return named;
  const conversation = conversationOf(activity);
  const user = teamsUserOf(activity);
  if (conversation.type !== "personal" && !choosesTheChat(activity)) {
    const registered = await centres.chatCentre(conversationKey(conversation, user));
    if (known(registered)) return registered;
  }
  const { current } = await centresOfPerson(centres, user);
  if (current !== undefined) return current.id;
  return centres.all[0]?.id ?? "";
}

/**
 * The one bot endpoint of a county: lets the activity in (the Teams channel's token, checked once: every centre's
 * bot is the same app), then hands the turn to its centre's bot. One centre (no `centres`): its bot, as ever.
 */
export function routeToCentres(
  bots: ReadonlyMap<string, Bot>,
  centres: BotCentres | undefined,
): (req: Request, res: Response) => Promise<void> {
  const [first] = bots.values();
  if (first === undefined) throw new Error("A county's bot needs at least one centre.");
  if (centres === undefined) return (req, res) => first.handle(req, res);
  return async (req, res) => {
    if (!(await first.admit(req, res))) return;
    const centreId = await centreOfActivity(centres, (req.body ?? {}) as RoutedActivity);
    await (bots.get(centreId) ?? first).process(req, res);
  };
}
