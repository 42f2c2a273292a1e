import { findEmail } from "./addresses.js";

/** What a referral form says about the person who submitted it. */
export interface ReferrerFields {
  readonly name?: string;
  readonly email?: string;
  readonly organisation?: string;
}

type Field = keyof ReferrerFields;

// Labels seen on Front Door, EHA and Request for Support forms. Only referrer-specific labels: a bare
// "Name:" or "Email:" on a form is usually the child's or the parent's.
const LABELS: Readonly<Record<Field, RegExp>> = {
  email:
    /^(?:referrer'?s? (?:contact )?e-?mail(?: address)?|e-?mail(?: address)? of (?:the )?referrer|referring professional'?s? e-?mail(?: address)?|professional'?s? e-?mail(?: address)?)$/,
  name: /^(?:referrer'?s?(?: full)? name|name of (?:the )?referrer|referring professional|referrer|referred by|professional'?s? name|name of (?:the )?person making (?:the |this )?referral)$/,
  organisation:
    /^(?:organisation ?\/ ?agency|agency ?\/ ?organisation|referrer'?s? organisation|referring (?:agency|organisation)|organisation(?: name)?|agency)$/,
};

const normaliseLabel = (label: string): string =>
  label.toLowerCase().replace(/[’‘`]/g, "'").replace(/[*>•]/g, "").replace(/\s+/g, " ").trim();

const fieldOf = (label: string): Field | undefined => {
  const normal = normaliseLabel(label);
  return (Object.keys(LABELS) as Field[]).find((field) => LABELS[field].test(normal));
};

const LABEL_CHARS = { min: 3, max: 60 } as const;
const DECORATION = /^[\s>*•]+/;

/**
 * "Label: value", "Label | value" (tables written as text), "Label<TAB>value": the label is what comes before the
 * first separator, within 60 characters. Plain string work, no backtracking regex: a line may be 256 KB of spaces.
 */
export const splitInline = (line: string): { readonly label: string; readonly value: string } | undefined => {
  const text = line.replace(DECORATION, "");
  const at = text.slice(0, LABEL_CHARS.max + 1).search(/[:|\t]/);
  if (at < LABEL_CHARS.min) return undefined;
  const rest = text.slice(at + 1).trim();
  return { label: text.slice(0, at), value: (rest.endsWith("|") ? rest.slice(0, -1) : rest).trim() };
};

/**
 * Every referrer form block found in a body, in order. A value on the line after a bare label is read too,
 * as HTML forms often render that way. A new block starts when a field repeats (a forward of a forward).
 */
export const findReferrerFields = (bodyText: string): readonly ReferrerFields[] => {
  const lines = bodyText.split(/\r?\n/);
  const blocks: Partial<Record<Field, string>>[] = [];
  let current: Partial<Record<Field, string>> = {};
  const record = (field: Field, raw: string): void => {
    const value = field === "email" ? findEmail(raw) : withoutEmail(raw);
    if (value === undefined || value === "" || current[field] === value) return;
    if (current[field] !== undefined) {
      blocks.push(current);
      current = {};
    }
    current[field] = value;
    // "Referring professional: Dr A Khan <a.khan@nhs.example>" gives both at once.
    const embedded = field === "name" ? findEmail(raw) : undefined;
    if (embedded !== undefined && current.email === undefined) current.email = embedded;
  };
  lines.forEach((line, index) => {
    const inline = splitInline(line);
    const inlineField = inline === undefined ? undefined : fieldOf(inline.label);
    if (inline !== undefined && inlineField !== undefined && inline.value !== "") {
      record(inlineField, inline.value);
      return;
    }
    const bareField = fieldOf(line.trim().replace(/[:|]$/, ""));
    const next = bareField === undefined ? undefined : nextNonEmpty(lines, index + 1);
    if (
      bareField !== undefined &&
      next !== undefined &&
      splitInline(next) === undefined &&
      fieldOf(next) === undefined
    ) {
      record(bareField, next);
    }
  });
  blocks.push(current);
  return blocks.filter((block) => Object.keys(block).length > 0);
};

const withoutEmail = (raw: string): string =>
  raw
    .replace(/[<[(]?(?:mailto:)?[^\s<>[\]()]+@[^\s<>[\]()]+[>\])]?/gi, "")
    .replace(/[\s,;–-]+$/, "")
    .trim();

const nextNonEmpty = (lines: readonly string[], from: number): string | undefined => {
  for (let i = from; i < lines.length; i++) if (lines[i]?.trim() !== "") return lines[i];
  return undefined;
};
