import type { Activity } from "@microsoft/agents-activity";
import type { Middleware, TurnContext } from "@microsoft/agents-hosting";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "../cards/card-json.js";

/** The key of a card action's data naming the centre whose bot sent the card: a click on it goes back there. */
export const CENTRE_KEY = "centre";

const isAction = (node: Record<string, unknown>): boolean =>
  node["type"] === "Action.Execute" || node["type"] === "Action.Submit";

/**
 * A copy of a card whose every `Action.Execute` and `Action.Submit` (fallbacks, show-cards, select actions too)
 * carries `centre` in its data. A button that already names a centre (the centre switcher's) keeps it.
 */
export function stampCentre<T>(card: T, centreId: string): T {
  if (Array.isArray(card)) return card.map((item: unknown) => stampCentre(item, centreId)) as T;
  if (card === null || typeof card !== "object") return card;
  const node = Object.fromEntries(
    Object.entries(card as Record<string, unknown>).map(([key, value]) => [key, stampCentre(value, centreId)]),
  );
  if (!isAction(node)) return node as T;
  const data = node["data"] ?? {};
  // A string `data` is Teams' own (imBack and the like): it has no room for a centre and never routes a turn.
  if (typeof data !== "object" || Array.isArray(data) || data === null) return node as T;
  return { ...node, data: { [CENTRE_KEY]: centreId, ...data } } as T;
}

/** Every adaptive card in an outgoing activity: message attachments, and the card an invoke is answered with. */
function stampActivity(activity: Partial<Activity>, centreId: string): void {
  for (const attachment of activity.attachments ?? []) {
    if (attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE) {
      attachment.content = stampCentre(attachment.content, centreId);
    }
  }
  const body = (activity.value as { body?: { type?: unknown; value?: unknown } } | undefined)?.body;
  if (activity.type === "invokeResponse" && body?.type === ADAPTIVE_CARD_CONTENT_TYPE) {
    body.value = stampCentre(body.value, centreId);
  }
}

/**
 * The one place a centre's bot marks what it sends, for replies, invoke answers, proactive posts and updates alike,
 * so that a click anywhere is routed back to the centre the card came from (bot/centres/centre-router.ts).
 * Activities are stamped in place: the adapter keeps the invoke response it answers with by reference.
 */
export function stampCentreMiddleware(centreId: string): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      context.onSendActivities(async (_context, activities, send) => {
        for (const activity of activities) stampActivity(activity, centreId);
        return send();
      });
      context.onUpdateActivity(async (_context, activity, send) => {
        stampActivity(activity, centreId);
        return send();
      });
      await next();
    },
  };
}
