import { safeText } from "../mail/safe-text.js";

export interface LetterTemplate {
  readonly subject: string;
  readonly body: string;
}

export interface Letter {
  readonly subject: string;
  readonly bodyText: string;
}

/**
 * Fills a profile's email template. Values are untrusted (a referrer's name comes from an email), so each is made
 * single-line and capped; the subject is kept on one line so nothing can be injected into headers.
 */
export function renderLetter(template: LetterTemplate, values: Readonly<Record<string, string | undefined>>): Letter {
  const fill = (text: string) =>
    text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_, name: string) => safeText(values[name] ?? "", 200));
  return { subject: safeText(fill(template.subject), 250), bodyText: fill(template.body) };
}
