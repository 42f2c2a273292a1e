import type { CardElement } from "../card-json.js";

export type TextColor = "default" | "good" | "warning" | "attention" | "accent";

interface TextOptions {
  readonly weight?: "bolder";
  readonly size?: "small" | "medium" | "large";
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly spacing?: "none" | "small" | "medium" | "large";
  readonly separator?: boolean;
}

/** A wrapping text block: card text is always sentences a duty worker reads, never truncated. */
export function text(value: string, options: TextOptions = {}): CardElement {
  return { type: "TextBlock", text: value, wrap: true, ...options };
}

export const heading = (value: string): CardElement => text(value, { weight: "bolder", size: "medium" });

/** Label/value pairs; values are shown as given. */
export function facts(pairs: readonly (readonly [string, string])[]): CardElement {
  return { type: "FactSet", facts: pairs.map(([title, value]) => ({ title, value })) };
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

/** A bulleted list as one text block (Adaptive Cards render Markdown lists). */
export const bullets = (lines: readonly string[]): CardElement => text(lines.map((l) => `- ${l}`).join("\r"));
