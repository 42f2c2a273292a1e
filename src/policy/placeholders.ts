/**
 * The `{{placeholders}}` an email template may use, with what each holds (a held letter's reason names it). Whoever
 * fills a template supplies exactly these, so a template asking for anything else (a misspelling, or a child's name)
 * is rejected when the profile loads.
 */
export const PLACEHOLDER_MEANINGS = {
  caseReference: "the case reference",
  referrerName: "the original referrer's name (rule 1.2)",
  receivedDate: "the date the request was received",
  screeningOutcomeBy: "the date the screening (or Front Door) outcome will be sent by",
  maamBy: "the date the case will have been presented at the panel by (rule 1.1)",
  decisionDate: "the date of the decision the letter reports",
  workerName: "the name of the worker the family is allocated to",
  centreName: "the Family Centre (or service) sending the letter",
  transferredFrom: "the centre that transferred the request (only the transferReceived letter)",
} as const;
export type TemplatePlaceholder = keyof typeof PLACEHOLDER_MEANINGS;
export const TEMPLATE_PLACEHOLDERS = Object.keys(PLACEHOLDER_MEANINGS) as readonly TemplatePlaceholder[];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names a template text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))];
}

export const isKnownPlaceholder = (name: string): name is TemplatePlaceholder =>
  (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
