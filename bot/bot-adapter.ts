import type { Request, Response } from "express";
import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationReference,
  type TurnContext,
} from "botbuilder";
import { describeError } from "../src/logging/logger.js";
import type { TeamsNotifier } from "../src/ports/teams.js";
import { FamilyCentreActivityHandler } from "./activity-handler.js";
import { realPacing, type BotAuth, type BotDeps } from "./bot-deps.js";
import { productionAppIdMissing } from "./errors.js";
import type { RenderCard } from "../src/ports/teams.js";
import { createOutboxRenderer } from "./proactive/render-outbox-item.js";
import { ConversationRateLimiter, type SendFailure } from "./proactive/rate-limiter.js";
import {
  createSharedUpdate,
  createTeamsNotifier,
  type ProactiveChannel,
  type StoredReference,
} from "./proactive/teams-notifier.js";

/** The bot as the service hosts it: the integrator mounts `handle` at POST /api/messages. */
export interface Bot {
  handle(req: Request, res: Response): Promise<void>;
  readonly notifier: TeamsNotifier;
  /** Draws the card of a Teams outbox item (agenda, triage card, nudge) as it stands now. */
  readonly renderCard: RenderCard;
}

function authOptions(auth: BotAuth): ConfigurationBotFrameworkAuthenticationOptions {
  if (auth.mode === "local") return { MicrosoftAppId: "", MicrosoftAppPassword: "" };
  if (auth.appId.trim() === "" || auth.tenantId.trim() === "") throw productionAppIdMissing();
  return {
    MicrosoftAppId: auth.appId,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
    ...(auth.password ? { MicrosoftAppPassword: auth.password } : {}),
  };
}

/** Status, Teams' error code and Retry-After of a connector error (botframework-connector throws a RestError). */
function sendFailure(error: unknown): SendFailure {
  const e = error as {
    statusCode?: number;
    code?: unknown;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  const retryAfter = Number(e.response?.headers?.get?.("retry-after"));
  return {
    ...(typeof e.statusCode === "number" ? { status: e.statusCode } : {}),
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}

/**
 * The one place that knows botbuilder's `CloudAdapter`: authentication, turn errors and proactive sends. Moving to
 * `@microsoft/agents-hosting` replaces this file and the activity handler, nothing else.
 */
export function createBot(deps: BotDeps): Bot {
  const local = deps.auth.mode === "local";
  const logger = deps.app.logger.child({ component: "bot" });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(deps.auth)));
  const appId = deps.auth.mode === "production" ? deps.auth.appId : "";
  if (local) {
    logger.warn("bot.local-mode", {
      note: "LOCAL MODE: no Microsoft App ID, so requests to /api/messages are NOT authenticated. Never expose this port.",
    });
  }

  adapter.onTurnError = async (context, error) => {
    logger.error("bot.turn-failed", { activityType: context.activity.type, ...describeError(error) });
    if (context.activity.type === "message") {
      await context.sendActivity("Something went wrong on our side and nothing was recorded. Please try again.");
    }
  };

  /** Runs a proactive turn; its error is rethrown to the caller (the adapter would otherwise swallow it). */
  async function proactive<T>(reference: StoredReference, send: (context: TurnContext) => Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
      try {
        outcome = { ok: true, value: await send(context) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    if (outcome === undefined) throw new Error("The proactive turn did not run.");
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  const channel: ProactiveChannel = {
    post: (reference, card) =>
      proactive(reference, async (context) => {
        const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
        return { activityId: sent?.id ?? "" };
      }),
    update: (reference, activityId, card) =>
      proactive(reference, async (context) => {
        await context.updateActivity({
          id: activityId,
          type: "message",
          attachments: [CardFactory.adaptiveCard(card)],
        });
      }),
    describe: sendFailure,
  };
  const limiter = new ConversationRateLimiter(deps.pacing ?? realPacing, sendFailure);
  const handler = new FamilyCentreActivityHandler(deps, createSharedUpdate(channel, limiter));

  return {
    async handle(req, res) {
      await adapter.process(req, res, (context) => handler.run(context));
    },
    notifier: createTeamsNotifier(deps.app, channel, limiter),
    renderCard: createOutboxRenderer(deps),
  };
}
