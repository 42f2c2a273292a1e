import { describeError } from "../../src/logging/logger.js";
import type { BotDeps } from "../bot-deps.js";
import { ADAPTIVE_CARD_CONTENT_TYPE, cardBytes, MAX_CARD_BYTES, type AdaptiveCardJson } from "../cards/card-json.js";
import { SUBMITTED_VERB } from "../cards/elements/actions.js";
import type { Reply } from "../commands/reply.js";
import type { Turn } from "../turn.js";
import type { ActionResult } from "./action-result.js";
import { answerAction } from "./action-router.js";

/** Universal Actions' answers besides a card: words under the card, and an error. */
const MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message";
const ERROR_RESPONSE = "application/vnd.microsoft.error";
const FAILED =
  "Something went wrong on our side. Please try again: a decision already recorded is never recorded twice.";
const TOO_LARGE_TO_REDRAW = "Done. The card is too large to redraw here; the tab shows it as it stands.";

/** An `adaptiveCard/action` invoke's answer, as Teams reads it (the SDK's type has the same fields). */
export interface InvokeResponse {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

export interface CardActionAnswer {
  readonly response: InvokeResponse;
  /** The card the shared message shows now, for everyone: updated after the person has their answer. */
  readonly shared?: AdaptiveCardJson;
}

/** The action's result; an unexpected failure is logged (codes only) and comes back as undefined. */
async function resultOf(deps: BotDeps, turn: Turn, verb: string, data: Readonly<Record<string, unknown>>) {
  try {
    return await answerAction(deps, turn, verb, data);
  } catch (error) {
    deps.app.logger.error("bot.action-failed", { verb, ...describeError(error) });
    return undefined;
  }
}

const said = (result: Extract<ActionResult, { kind: "card" }>): string =>
  result.forEveryone ? TOO_LARGE_TO_REDRAW : (result.said ?? TOO_LARGE_TO_REDRAW);

/**
 * Answers a click on an `Action.Execute` button: the redrawn card, or words under the card when nothing on it
 * changed. A failure is answered as Universal Actions' error, which Teams shows under the card; left to the adapter it
 * would be a 501, which Teams shows as "Unable to reach app" and retries.
 */
export async function answerCardAction(
  deps: BotDeps,
  turn: Turn,
  verb: string,
  data: Readonly<Record<string, unknown>>,
): Promise<CardActionAnswer> {
  const result = await resultOf(deps, turn, verb, data);
  if (result === undefined) {
    return {
      response: { statusCode: 500, type: ERROR_RESPONSE, value: { code: "BOT.ACTION_FAILED", message: FAILED } },
    };
  }
  const shared = result.kind === "card" && result.forEveryone ? { shared: result.card } : {};
  if (result.kind === "message") return { response: { statusCode: 200, type: MESSAGE_RESPONSE, value: result.text } };
  if (cardBytes(result.card) > MAX_CARD_BYTES) {
    return { response: { statusCode: 200, type: MESSAGE_RESPONSE, value: said(result) }, ...shared };
  }
  return { response: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: result.card }, ...shared };
}

/** The verb of a click on an `Action.Submit` fallback, which arrives as a message carrying the card's data. */
export function submittedVerb(value: unknown): string | undefined {
  const verb = (value as Record<string, unknown> | null | undefined)?.[SUBMITTED_VERB];
  return typeof value === "object" && typeof verb === "string" ? verb : undefined;
}

/**
 * Answers a click on an `Action.Submit` fallback (a client without Universal Actions) with the same action: the
 * shared card is updated for everyone when it changed; anything else is said as a reply in the chat.
 */
export async function answerCardSubmit(
  deps: BotDeps,
  turn: Turn,
  verb: string,
  data: Readonly<Record<string, unknown>>,
): Promise<{ readonly replies: readonly Reply[]; readonly shared?: AdaptiveCardJson }> {
  const result = await resultOf(deps, turn, verb, data);
  if (result === undefined) return { replies: [FAILED] };
  if (result.kind === "message") return { replies: [result.text] };
  if (result.forEveryone) return { replies: [], shared: result.card };
  return { replies: [result.said ?? result.card] };
}
