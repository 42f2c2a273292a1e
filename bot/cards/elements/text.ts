import type { CardElement } from "../card-json.js";
import { escapeMarkdown } from "./markdown.js";

export type TextColor = "default" | "good" | "warning" | "attention" | "accent";

interface TextOptions {
  readonly weight?: "bolder";
  readonly size?: "small" | "medium" | "large";
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly spacing?: "none" | "small" | "medium" | "large";
  readonly separator?: boolean;
}

/**
 * A wrapping text block: card text is always sentences a duty worker reads, never truncated, and never Markdown
 * (whatever it quotes is shown as the characters it is).
 */
export function text(value: string, options: TextOptions = {}): CardElement {
  return { type: "TextBlock", text: escapeMarkdown(value), wrap: true, ...options };
}

export const heading = (value: string): CardElement => text(value, { weight: "bolder", size: "medium" });

/** Label/value pairs; both shown as the characters they are (Teams reads them as Markdown otherwise). */
export function facts(pairs: readonly (readonly [string, string])[]): CardElement {
  return {
    type: "FactSet",
    facts: pairs.map(([title, value]) => ({ title: escapeMarkdown(title), value: escapeMarkdown(value) })),
  };
}

export function container(
  items: readonly CardElement[],
  options: { separator?: boolean; style?: "emphasis" } = {},
): CardElement {
  return {
    type: "Container",
    items,
    ...(options.separator === true && { separator: true, spacing: "large" }),
    ...(options.style && { style: options.style }),
  };
}

/** A bulleted list as one text block: the one Markdown a card uses, around lines escaped like any other text. */
export const bullets = (lines: readonly string[]): CardElement => ({
  type: "TextBlock",
  text: lines.map((l) => `- ${escapeMarkdown(l).replace(/\r\n|\r|\n/g, " ")}`).join("\r"),
  wrap: true,
});
