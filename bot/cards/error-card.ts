import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { text } from "./elements/text.js";

/** A plain-English message; the caller passes a typed error's message, never a stack trace. */
export interface ErrorView {
  readonly message: string;
  /** The error's stable code, so support can find it in the logs. */
  readonly code?: string;
}

// A message built from an unexpected error may carry stack frames; people never see them.
const withoutStack = (message: string): string =>
  message
    .split("\n")
    .filter((line) => !/^\s+at /.test(line))
    .join("\n")
    .trim();

export function errorCard(view: ErrorView): AdaptiveCardJson {
  return adaptiveCard([
    text("That didn't work", { weight: "bolder", color: "attention" }),
    text(withoutStack(view.message)),
    ...(view.code ? [text(`Reference: ${view.code}`, { isSubtle: true, size: "small" })] : []),
  ]);
}
