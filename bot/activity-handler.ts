import { Activity } from "@microsoft/agents-activity";
import {
  ActivityHandler,
  CardFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from "@microsoft/agents-hosting";
import { releaseHeldNotices } from "../src/app/release-held-notices.js";
import { describeError } from "../src/logging/logger.js";
import { answerCardAction, answerCardSubmit, submittedVerb } from "./actions/card-action-answer.js";
import type { BotDeps } from "./bot-deps.js";
import type { AdaptiveCardJson as CardJson } from "./cards/card-json.js";
import { conversationKey, conversationOf, teamsUserOf } from "./conversation-keys.js";
import {
  forgetConversation,
  isConversationKnown,
  refreshConversation,
  rememberConversation,
  rememberNewConversation,
} from "../src/app/conversations.js";
import { answerCommand } from "./commands/command-router.js";
import { welcome } from "./commands/help.js";
import { SharedCardUpdates } from "./proactive/shared-card-updates.js";
import type { SharedUpdate } from "./proactive/teams-notifier.js";
import type { Turn } from "./turn.js";

function turnOf(context: TurnContext): Turn {
  const user = teamsUserOf(context.activity);
  const conversation = conversationOf(context.activity);
  // Without the activity's own id: a stored reference is the conversation's, not this message's (a proactive post is
  // not a reply to it), and it stays the same from one activity to the next unless Teams moved the conversation.
  const { activityId: _activityId, ...reference } = context.activity.getConversationReference();
  // A channel message's conversation id names its thread (`;messageid=`); proactive posts go to the channel itself.
  const channelReference =
    conversation.type === "channel" && conversation.channelId
      ? { ...reference, conversation: { ...reference.conversation, id: conversation.channelId } }
      : reference;
  return {
    conversation,
    user,
    ...(context.activity.recipient?.name ? { botName: context.activity.recipient.name } : {}),
    conversationKey: conversationKey(conversation, user),
    reference: { ...channelReference },
  };
}

/** A message carrying one card; with `id`, the update of that message. */
export const cardMessage = (card: object, id?: string): Activity =>
  Activity.fromObject({ type: "message", ...(id ? { id } : {}), attachments: [CardFactory.adaptiveCard(card)] });

/**
 * Translates Teams activities into the bot's commands and actions: greets on install and keeps the conversation
 * reference (refreshed by every activity, forgotten when the app is removed or the bot leaves), answers messages in
 * personal, group/meeting chats and channels (the @mention is stripped), and answers `adaptiveCard/action` invokes
 * (and their `Action.Submit` fallbacks) through the action router.
 */
export class FamilyCentreActivityHandler extends ActivityHandler {
  private readonly cardUpdates: SharedCardUpdates;

  constructor(
    private readonly deps: BotDeps,
    private readonly sharedUpdate: SharedUpdate,
  ) {
    super();
    this.cardUpdates = new SharedCardUpdates(deps.app.logger.child({ component: "bot" }));
    this.onTurn(async (context, next) => {
      await this.refresh(turnOf(context));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(turnOf(context));
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botLeft = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient?.id);
      if (botLeft) await this.forget(turnOf(context));
      await next();
    });
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
        await this.sharePersonal(turn);
      }
      const verb = submittedVerb(context.activity.value);
      const text = context.activity.removeRecipientMention() ?? context.activity.text ?? "";
      const { replies, shared } =
        verb === undefined
          ? { replies: await answerCommand(deps, turn, text), shared: undefined }
          : await answerCardSubmit(deps, turn, verb, context.activity.value as Record<string, unknown>);
      if (shared && context.activity.replyToId) this.updateForEveryone(context, context.activity.replyToId, shared);
      for (const reply of replies) {
        await context.sendActivity(typeof reply === "string" ? reply : cardMessage(reply));
      }
      await next();
    });
  }

  /** Universal Actions answer in the body, an error too: any HTTP status but 200 shows "Unable to reach app". */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const answer = await super.onInvokeActivity(context);
    return context.activity.name === "adaptiveCard/action" ? { ...answer, status: 200 } : answer;
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data = (invoke.action.data ?? {}) as Record<string, unknown>;
    const { response, shared } = await answerCardAction(this.deps, turnOf(context), invoke.action.verb, data);
    // The invoke answer redraws the card for the person who clicked; everyone else sees the message updated after.
    if (shared && context.activity.replyToId) this.updateForEveryone(context, context.activity.replyToId, shared);
    return response as AdaptiveCardInvokeResponse;
  }

  /**
   * Updates the shared message after the person has their answer, paced with the conversation's other messages and
   * retried as Teams asks (bot/proactive), so the invoke is answered without waiting for the Bot Connector.
   */
  private updateForEveryone(context: TurnContext, activityId: string, card: CardJson): void {
    const reference = { ...context.activity.getConversationReference() };
    const key = turnOf(context).conversationKey;
    const message = `${reference.conversation?.id ?? ""}|${activityId}`;
    this.cardUpdates.schedule(message, card, (latest) => this.sharedUpdate(key, reference, activityId, { ...latest }));
  }

  /** Teams may move a conversation (a new serviceUrl): every activity keeps a known conversation's reference current. */
  private async refresh(turn: Turn): Promise<void> {
    try {
      await refreshConversation(this.deps.app, turn.conversationKey, turn.reference, this.deps.app.clock.now());
    } catch (error) {
      this.deps.app.logger.error("bot.conversation-refresh-failed", describeError(error));
    }
  }

  /** The app was removed, or the bot left: the reference goes, and the chat stops being any panel's chat. */
  private async forget(turn: Turn): Promise<void> {
    const { unassigned } = await forgetConversation(this.deps.app, turn.conversationKey);
    await this.deps.county?.centres.forgetChat(turn.conversationKey);
    this.deps.app.logger.info("bot.removed", {
      conversationType: turn.conversation.type,
      unassigned: unassigned.join(","),
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
      await context.sendActivity(cardMessage(welcome(this.deps, turn)));
      await this.releaseHeld(turn.conversationKey);
      await this.sharePersonal(turn);
    }
  }

  /** Several centres: the person's other centres learn their personal chat; a failure costs no answer (logged). */
  private async sharePersonal(turn: Turn): Promise<void> {
    if (turn.conversation.type !== "personal" || this.deps.county === undefined) return;
    try {
      await this.deps.county.centres.sharePersonalChat(turn.user, turn.conversationKey, turn.reference);
    } catch (error) {
      this.deps.app.logger.error("bot.personal-chat-share-failed", describeError(error));
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
