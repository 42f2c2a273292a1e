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

// "Label: value", "Label | value" (tables rendered as text), "Label<TAB>value".
const INLINE = /^\s*[>*•\s]*([^:|\t]{3,60}?)\s*(?::|\||\t)\s*(.*?)\s*\|?\s*$/;

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
    const inline = INLINE.exec(line);
    const inlineField = inline?.[1] === undefined ? undefined : fieldOf(inline[1]);
    if (inline !== null && inlineField !== undefined && (inline[2] ?? "") !== "") {
      record(inlineField, inline[2] ?? "");
      return;
    }
    const bareField = fieldOf(line.replace(/[:|]\s*$/, ""));
    const next = lines.slice(index + 1).find((candidate) => candidate.trim() !== "");
    if (bareField !== undefined && next !== undefined && INLINE.exec(next) === null && fieldOf(next) === undefined) {
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
