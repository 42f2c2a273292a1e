/** The Adaptive Card JSON the bot sends. Teams renders schema 1.5 at most. */
export const CARD_VERSION = "1.5";
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

/**
 * Teams refuses a bot message over 40 KB with 413 `MessageSizeTooBig`, counting the whole activity as UTF-16 (two
 * bytes per character of its JSON), so about 20 KB of plain JSON.
 */
export const TEAMS_MESSAGE_LIMIT_BYTES = 40 * 1024;
/** What the SDK adds around our attachment (ids, conversation, service URL, channel data) stays well under this. */
const ENVELOPE_MARGIN_BYTES = 4 * 1024;
/** The most a card may measure (`cardBytes`), leaving the envelope its margin. */
export const MAX_CARD_BYTES = TEAMS_MESSAGE_LIMIT_BYTES - ENVELOPE_MARGIN_BYTES;

export type CardElement = { readonly type: string } & Record<string, unknown>;

export interface ExecuteAction {
  readonly type: "Action.Execute";
  readonly title: string;
  /** What the bot's invoke router dispatches on (`screening.decide`, `triage.linkCase`...). */
  readonly verb: string;
  readonly data: Record<string, unknown>;
  readonly style?: "positive" | "destructive";
  /** For clients without Universal Actions: the same data, with the verb, as a plain submit. */
  readonly fallback?: SubmitAction;
}

export interface SubmitAction {
  readonly type: "Action.Submit";
  readonly title: string;
  readonly data: Record<string, unknown>;
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

/** Serialized JSON as Teams counts it: UTF-16, two bytes per code unit. */
export const utf16Bytes = (value: unknown): number => JSON.stringify(value).length * 2;

/** A card as the message that carries it, measured as Teams measures a message. */
export const cardBytes = (card: object): number =>
  utf16Bytes({ type: "message", attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
