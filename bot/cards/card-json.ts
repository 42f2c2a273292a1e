/**
 * The Adaptive Card JSON the bot sends. Teams renders schema 1.5 at most, and a message must stay well under its
 * ~100 KB limit (we keep every card under 80 KB).
 */
export const CARD_VERSION = "1.5";
export const MAX_CARD_BYTES = 80 * 1024;

export type CardElement = { readonly type: string } & Record<string, unknown>;

export interface ExecuteAction {
  readonly type: "Action.Execute";
  readonly title: string;
  /** What the bot's invoke router dispatches on (`screening.decide`, `triage.linkCase`...). */
  readonly verb: string;
  readonly data: Record<string, unknown>;
  readonly style?: "positive" | "destructive";
}

export interface OpenUrlAction {
  readonly type: "Action.OpenUrl";
  readonly title: string;
  readonly url: string;
}

export interface ShowCardAction {
  readonly type: "Action.ShowCard";
  readonly title: string;
  readonly card: AdaptiveCardJson;
}

export type CardAction = ExecuteAction | OpenUrlAction | ShowCardAction;

export interface AdaptiveCardJson {
  readonly type: "AdaptiveCard";
  readonly version: typeof CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  /** Teams: use the full width of the chat for agendas and tables. */
  readonly msteams?: { readonly width: "Full" };
}

/** A card from its body and actions; agendas ask for the full chat width. */
export function adaptiveCard(
  body: readonly CardElement[],
  actions: readonly CardAction[] = [],
  options: { fullWidth?: boolean } = {},
): AdaptiveCardJson {
  return {
    type: "AdaptiveCard",
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 && { actions }),
    ...(options.fullWidth === true && { msteams: { width: "Full" as const } }),
  };
}

/** The size Teams measures: the serialized JSON, in UTF-8 bytes. */
export const cardBytes = (card: AdaptiveCardJson): number => Buffer.byteLength(JSON.stringify(card), "utf8");
