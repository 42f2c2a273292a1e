/**
 * The `{{placeholders}}` an email template may use. Whoever fills a template supplies exactly these, so a
 * template asking for anything else (a misspelling, or a child's name) is rejected when the profile loads.
 */
export const TEMPLATE_PLACEHOLDERS = [
  /** The case reference, e.g. FC-2026-000123. */
  "caseReference",
  /** The original referrer's name (rule 1.2). */
  "referrerName",
  /** London date the request was received. */
  "receivedDate",
  /** London date by which the screening (or Front Door) outcome will be sent. */
  "screeningOutcomeBy",
  /** London date by which the case will have been presented at the panel (rule 1.1). */
  "maamBy",
  /** London date of the decision the email reports. */
  "decisionDate",
  /** Name of the allocated worker, so the referrer knows who to talk to. */
  "workerName",
  /** The Family Centre (or service) sending the email. */
  "centreName",
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names a template text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))];
}

export const isKnownPlaceholder = (name: string): name is TemplatePlaceholder =>
  (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
