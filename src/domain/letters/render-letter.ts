import { safeText } from "../mail/safe-text.js";

export interface LetterTemplate {
  readonly subject: string;
  readonly body: string;
}

export interface Letter {
  readonly subject: string;
  readonly bodyText: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

type Values = Readonly<Record<string, string | undefined>>;

/** The placeholders of the template that would be left blank: a letter with a hole in it must not go. */
export function unfilledPlaceholders(template: LetterTemplate, values: Values): string[] {
  const used = [...`${template.subject}\n${template.body}`.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
  return [...new Set(used)].filter((name) => !values[name]?.trim());
}

/**
 * Fills a profile's email template. Values are untrusted (a referrer's name comes from an email), so each is made
 * single-line and capped; the subject is kept on one line so nothing can be injected into headers.
 */
export function renderLetter(template: LetterTemplate, values: Values): Letter {
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => safeText(values[name] ?? "", 200));
  return { subject: safeText(fill(template.subject), 250), bodyText: fill(template.body) };
}
