import type { Request, Response } from "express";
import {
  AuthType,
  CloudAdapter,
  OutboundHostValidator,
  type AuthConfiguration,
  type TurnContext,
} from "@microsoft/agents-hosting";
import type { ConversationReference } from "@microsoft/agents-activity";
import { describeError } from "../src/logging/logger.js";
import type { RenderCard, TeamsNotifier } from "../src/ports/teams.js";
import { cardMessage, FamilyCentreActivityHandler } from "./activity-handler.js";
import { admitActivity } from "./auth/channel-gate.js";
import { realPacing, type BotAuth, type BotDeps } from "./bot-deps.js";
import { stampCentreMiddleware } from "./centres/stamp-centre.js";
import { productionAppIdMissing } from "./errors.js";
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
  /** `handle` in two steps, for a router choosing the bot between them: false when refused (already answered). */
  admit(req: Request, res: Response): Promise<boolean>;
  process(req: Request, res: Response): Promise<void>;
  readonly notifier: TeamsNotifier;
  /** Draws the card of a Teams outbox item (agenda, triage card, nudge) as it stands now. */
  readonly renderCard: RenderCard;
}

/** Local mode's Bot Connectors: the Agents Playground and test connectors, on this machine only. */
const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];
const CONNECTION = "serviceConnection";
/** Bot Framework tokens are signed by keys that roll over; a few minutes' skew between clocks is normal. */
const CLOCK_TOLERANCE_SECONDS = 300;

/**
 * The SDK's connection settings (`connections__serviceConnection__settings__*`) from our FC_BOT_* settings, so the
 * SDK reads nothing from the environment itself. Local mode has none: replies go unauthenticated to the loopback.
 */
function authConfiguration(auth: BotAuth): AuthConfiguration {
  if (auth.mode === "local") return { connections: new Map(), connectionsMap: [] };
  if (auth.appId.trim() === "" || auth.tenantId.trim() === "") throw productionAppIdMissing();
  const settings: AuthConfiguration = {
    clientId: auth.appId,
    tenantId: auth.tenantId,
    ...(auth.appType === "UserAssignedMSI"
      ? { authType: AuthType.UserManagedIdentity }
      : { authType: AuthType.ClientSecret, ...(auth.password ? { clientSecret: auth.password } : {}) }),
  };
  return {
    connections: new Map([[CONNECTION, settings]]),
    connectionsMap: [{ serviceUrl: "*", connection: CONNECTION }],
  };
}

/**
 * Status, Teams' error code (`MessageWritesBlocked`, `MessageSizeTooBig`…) and Retry-After (seconds) of a Bot
 * Connector error: the SDK's connector client throws an `HttpError` carrying the connector's answer.
 */
function sendFailure(error: unknown): SendFailure {
  const e = error as {
    status?: unknown;
    response?: { data?: { error?: { code?: unknown } }; headers?: { get?(name: string): unknown } };
  };
  const header = e.response?.headers?.get?.("retry-after");
  const retryAfter = typeof header === "string" && header.trim() !== "" ? Number(header) : Number.NaN;
  const code = e.response?.data?.error?.code;
  return {
    ...(typeof e.status === "number" ? { status: e.status } : {}),
    ...(typeof code === "string" ? { code } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}

/**
 * The one place that knows the Microsoft 365 Agents SDK's `CloudAdapter`: who is let in, turn errors and proactive
 * sends. `serviceUrl` hosts are held to the allow-list by the SDK's outbound host validator, for the activities it
 * is sent and for every reply and proactive post (a stored reference naming another host is never used).
 */
export function createBot(deps: BotDeps): Bot {
  const { auth } = deps;
  const logger = deps.app.logger.child({ component: "bot" });
  const hosts = auth.mode === "production" ? auth.serviceUrlHosts : LOOPBACK_HOSTS;
  const adapter = new CloudAdapter(
    authConfiguration(auth),
    undefined,
    undefined,
    { validateServiceUrl: auth.mode === "production" },
    new OutboundHostValidator({ enabled: true, includeDefaultMicrosoftHosts: false, hosts: [...hosts] }),
  );
  if (deps.county !== undefined) adapter.use(stampCentreMiddleware(deps.county.centreId));
  // Proactive turns act as the bot: its app id in production; locally, no identity (unauthenticated replies).
  const botIdentity = auth.mode === "production" ? { aud: auth.appId } : {};
  if (auth.mode === "local") {
    logger.warn("bot.local-mode", {
      note: "LOCAL MODE: no Microsoft App ID, so requests to /api/messages are NOT authenticated (loopback service URLs only). Never expose this port.",
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
    await adapter.continueConversation(botIdentity, reference as unknown as ConversationReference, async (context) => {
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
        const sent = await context.sendActivity(cardMessage(card));
        return { activityId: sent?.id ?? "" };
      }),
    update: (reference, activityId, card) =>
      proactive(reference, async (context) => {
        await context.updateActivity(cardMessage(card, activityId));
      }),
    describe: sendFailure,
  };
  const limiter = new ConversationRateLimiter(deps.pacing ?? realPacing, sendFailure);
  const handler = new FamilyCentreActivityHandler(deps, createSharedUpdate(channel, limiter));

  async function admit(req: Request, res: Response): Promise<boolean> {
    if (auth.mode !== "production") return true;
    const policy = { ...auth, keys: auth.channelKeys, clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS };
    const admission = await admitActivity(policy, req.get("authorization"), req.body ?? {}, deps.app.clock.now());
    if (!admission.admitted) {
      logger.warn("bot.activity-refused", { code: admission.code });
      res.status(admission.status).json({ error: { code: admission.code } });
      return false;
    }
    (req as Request & { user?: unknown }).user = admission.claims;
    return true;
  }
  const process = (req: Request, res: Response) => adapter.process(req, res, (context) => handler.run(context));

  return {
    async handle(req, res) {
      if (await admit(req, res)) await process(req, res);
    },
    admit,
    process,
    notifier: createTeamsNotifier(deps.app, channel, limiter),
    renderCard: createOutboxRenderer(deps),
  };
}
