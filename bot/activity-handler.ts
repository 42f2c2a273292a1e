import { Activity } from "@microsoft/agents-activity";
import {
  ActivityHandler,
  CardFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type BaseAdapter,
  type TurnContext,
} from "@microsoft/agents-hosting";

import { releaseHeldNotices } from "../src/app/release-held-notices.js";
import { describeError } from "../src/logging/logger.js";
import { answerAction } from "./actions/action-router.js";
import type { BotDeps } from "./bot-deps.js";
import type { AdaptiveCardJson as CardJson } from "./cards/card-json.js";
import { conversationKey, type ConversationInfo, type TeamsUser } from "./conversation-keys.js";
import { isConversationKnown, rememberConversation, rememberNewConversation } from "../src/app/conversations.js";
import { answerCommand } from "./commands/command-router.js";
import { welcome } from "./commands/help.js";
import { SharedCardUpdates } from "./proactive/shared-card-updates.js";
import type { Turn } from "./turn.js";

const CARD_RESPONSE = "application/vnd.microsoft.card.adaptive";

/** Who a proactive turn acts as: the SDK's JWT claims (`aud`, the bot's app id). */
export type BotIdentity = Exclude<Parameters<BaseAdapter["continueConversation"]>[0], string>;

function conversationOf(context: TurnContext): ConversationInfo {
  const { channelData } = context.activity;
  const conversation = context.activity.conversation ?? { id: "" };
  const type =
    conversation.conversationType === "personal" || conversation.conversationType === "channel"
      ? conversation.conversationType
      : conversation.conversationType === "groupChat"
        ? "groupChat"
        : "personal";
  const channelId = (channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  return { id: conversation.id, type, ...(channelId ? { channelId } : {}) };
}

function turnOf(context: TurnContext): Turn {
  const from = context.activity.from ?? { id: "" };
  const user: TeamsUser = {
    id: from.id ?? "",
    ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
    ...(from.name ? { name: from.name } : {}),
  };
  const conversation = conversationOf(context);
  const reference = context.activity.getConversationReference();
  // A channel message's conversation id names its thread (`;messageid=`); proactive posts go to the channel itself.
  const channelReference =
    conversation.type === "channel" && conversation.channelId
      ? { ...reference, conversation: { ...reference.conversation, id: conversation.channelId } }
      : reference;
  return {
    conversation,
    user,
    conversationKey: conversationKey(conversation, user),
    reference: { ...channelReference },
  };
}

/** A message carrying one card; with `id`, the update of that message. */
export const cardMessage = (card: object, id?: string): Activity =>
  Activity.fromObject({ type: "message", ...(id ? { id } : {}), attachments: [CardFactory.adaptiveCard(card)] });

/**
 * Translates Teams activities into the bot's commands and actions: greets on install and keeps the conversation
 * reference, answers messages in personal, group/meeting chats and channels (the @mention is stripped), and
 * answers `adaptiveCard/action` invokes with the refreshed card.
 */
export class FamilyCentreActivityHandler extends ActivityHandler {
  private readonly cardUpdates: SharedCardUpdates;

  /** `botIdentity`: who proactive turns act as (the bot's app id; none in local mode). */
  constructor(
    private readonly deps: BotDeps,
    private readonly botIdentity: BotIdentity,
  ) {
    super();
    this.cardUpdates = new SharedCardUpdates(deps.app.logger.child({ component: "bot" }));
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.greet(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);
      if (botAdded) await this.greet(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      const turn = turnOf(context);
      if (!(await isConversationKnown(deps.app, turn.conversationKey))) {
        await rememberConversation(deps.app, turn.conversationKey, turn.reference, deps.app.clock.now());
        await this.releaseHeld(turn.conversationKey);
      }
      const text = context.activity.removeRecipientMention() ?? context.activity.text ?? "";
      for (const reply of await answerCommand(deps, turn, text)) {
        await context.sendActivity(typeof reply === "string" ? reply : cardMessage(reply));
      }
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data = (invoke.action.data ?? {}) as Record<string, unknown>;
    const result = await answerAction(this.deps, turnOf(context), invoke.action.verb, data);
    const cardMessage = context.activity.replyToId;
    // The invoke answer redraws the card for the person who clicked; everyone else sees the message updated after.
    if (result.forEveryone && cardMessage) this.updateForEveryone(context, cardMessage, result.card);
    return {
      statusCode: 200,
      type: CARD_RESPONSE,
      value: result.card as unknown as AdaptiveCardInvokeResponse["value"],
    };
  }

  /**
   * Updates the shared message in a proactive turn of its own, so the invoke is answered without waiting for the
   * Bot Connector. The turn acts as the bot, as `context.updateActivity` would have.
   */
  private updateForEveryone(context: TurnContext, activityId: string, card: CardJson): void {
    const adapter = context.adapter;
    const reference = context.activity.getConversationReference();
    const message = `${reference.conversation?.id ?? ""}|${activityId}`;
    this.cardUpdates.schedule(message, card, async (latest) => {
      let failure: { error: unknown } | undefined;
      const update = async (proactive: TurnContext) => {
        try {
          await proactive.updateActivity(cardMessage(latest, activityId));
        } catch (error) {
          // Rethrown below: the adapter would hand it to onTurnError, which only logs it.
          failure = { error };
        }
      };
      await adapter.continueConversation(this.botIdentity, reference, update);
      if (failure !== undefined) throw failure.error;
    });
  }

  /**
   * Install in a chat, channel or personal scope: remember where we are and say what the bot does. Teams sends both
   * an installationUpdate and a conversationUpdate for one install, often at once, so only the
   * activity that creates the conversation's record greets.
   */
  private async greet(context: TurnContext): Promise<void> {
    const turn = turnOf(context);
    let saved: "new" | "known";
    try {
      saved = await rememberNewConversation(
        this.deps.app,
        turn.conversationKey,
        turn.reference,
        this.deps.app.clock.now(),
      );
      this.deps.app.logger.info("bot.installed", { conversationType: turn.conversation.type });
    } catch (error) {
      this.deps.app.logger.error("bot.conversation-save-failed", describeError(error));
      throw error;
    }
    if (saved === "new") {
      await context.sendActivity(cardMessage(welcome(this.deps)));
      await this.releaseHeld(turn.conversationKey);
    }
  }

  /**
   * A conversation new to us: what was held for want of it (a person's nudges and digests) can go now. A failure
   * here must not cost the greeting or the answer; the items stay held and the log says so.
   */
  private async releaseHeld(key: string): Promise<void> {
    try {
      await releaseHeldNotices(this.deps.app, key);
    } catch (error) {
      this.deps.app.logger.error("bot.held-release-failed", describeError(error));
    }
  }
}
