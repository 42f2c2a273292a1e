import { createHash } from "node:crypto";
import type { InboundMessage } from "../domain/mail/inbound-message.js";
import { htmlToText } from "./html-to-text.js";

/** How much of a body the intake reads, in characters (FC_MAX_HTML_BODY_CHARS, FC_MAX_TEXT_BODY_CHARS). */
export interface BodyLimits {
  readonly maxHtmlChars: number;
  readonly maxTextChars: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = { maxHtmlChars: 1_048_576, maxTextChars: 262_144 };

type Body = Pick<InboundMessage, "bodyText" | "bodyHtml" | "bodyCut" | "bodyDigest">;

/** The first `max` characters, never ending in half a surrogate pair. */
const cut = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
};

const digest = (text: string): string =>
  createHash("sha256").update(text.replace(/\s+/g, " ").trim()).digest("base64url").slice(0, 32);

/**
 * A Graph body as the intake reads it: an HTML body cut to `maxHtmlChars` and turned into text, then the text cut to
 * `maxTextChars`, so that no body, however long, holds up the intake. A cut is recorded (`bodyCut`), never silent.
 */
export function readBody(
  body: { readonly contentType?: string | null; readonly content?: string | null } | null | undefined,
  limits: BodyLimits,
): Body {
  const content = body?.content ?? "";
  const isHtml = body?.contentType?.toLowerCase() === "html";
  const html = isHtml ? cut(content, limits.maxHtmlChars) : undefined;
  const fullText = html === undefined ? content : htmlToText(html);
  const bodyText = cut(fullText, limits.maxTextChars);
  const bodyCut: InboundMessage["bodyCut"] =
    html !== undefined && html.length < content.length
      ? { limit: "html", readChars: html.length, totalChars: content.length }
      : bodyText.length < fullText.length
        ? { limit: "text", readChars: bodyText.length, totalChars: fullText.length }
        : undefined;
  return {
    bodyText,
    ...(html === undefined ? {} : { bodyHtml: html }),
    ...(bodyCut === undefined ? {} : { bodyCut }),
    bodyDigest: digest(bodyText),
  };
}
