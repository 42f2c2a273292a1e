import { badRequest, invalidFilter } from "./errors.js";
import { extendedProperty, type StoredMessage } from "./message.js";

type Predicate = (message: StoredMessage) => boolean;

const COMPARISONS: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  eq: (a, b) => a === b,
  ge: (a, b) => a >= b,
  gt: (a, b) => a > b,
  le: (a, b) => a <= b,
  lt: (a, b) => a < b,
};

const unquote = (literal: string): string => literal.slice(1, -1).replace(/''/g, "'");
const QUOTED = "'(?:[^']|'')*'";

/** Clauses the stand-in understands; anything else is refused rather than silently ignored. */
const CLAUSES: readonly { pattern: RegExp; build: (m: RegExpExecArray) => Predicate }[] = [
  {
    pattern: /^receivedDateTime\s+(eq|ge|gt|le|lt)\s+(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))$/i,
    build: (m) => {
      const compare = COMPARISONS[(m[1] ?? "").toLowerCase()];
      const at = Date.parse(m[2] ?? "");
      return (message) => compare !== undefined && compare(Date.parse(message.receivedDateTime), at);
    },
  },
  {
    // Exact, as Exchange compares it: the angle brackets are part of the value.
    pattern: new RegExp(`^internetMessageId\\s+eq\\s+(${QUOTED})$`, "i"),
    build: (m) => {
      const wanted = unquote(m[1] ?? "''");
      return (message) => message.internetMessageId === wanted;
    },
  },
  {
    pattern: new RegExp(`^conversationId\\s+eq\\s+(${QUOTED})$`, "i"),
    build: (m) => {
      const wanted = unquote(m[1] ?? "''");
      return (message) => message.conversationId === wanted;
    },
  },
  {
    pattern: new RegExp(
      `^singleValueExtendedProperties/any\\((\\w+):\\s*\\1/id\\s+eq\\s+(${QUOTED})\\s+and\\s+\\1/value\\s+eq\\s+(${QUOTED})\\)$`,
      "i",
    ),
    build: (m) => {
      const id = unquote(m[2] ?? "''");
      const value = unquote(m[3] ?? "''");
      return (message) => extendedProperty(message, id) === value;
    },
  },
];

/** `$filter`: the supported clauses, joined by `and`. */
export function parseFilter(filter: string | undefined): Predicate {
  if (filter === undefined || filter.trim() === "") return () => true;
  const predicates = splitAnd(filter.trim()).map((clause) => {
    for (const { pattern, build } of CLAUSES) {
      const match = pattern.exec(clause);
      if (match) return build(match);
    }
    throw invalidFilter(filter);
  });
  return (message) => predicates.every((p) => p(message));
}

/** Splits on top-level ` and `, leaving quoted literals and parentheses whole. */
function splitAnd(filter: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < filter.length; i += 1) {
    const c = filter[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth += 1;
    else if (!quoted && c === ")") depth -= 1;
    else if (!quoted && depth === 0 && /^\sand\s/i.test(filter.slice(i, i + 5))) {
      parts.push(filter.slice(start, i).trim());
      start = i + 5;
      i += 4;
    }
  }
  parts.push(filter.slice(start).trim());
  return parts;
}

const ORDERABLE: Readonly<Record<string, "receivedDateTime" | "sentDateTime" | "createdDateTime">> = {
  receiveddatetime: "receivedDateTime",
  sentdatetime: "sentDateTime",
  createddatetime: "createdDateTime",
};

/** `$orderby`: receivedDateTime (or sentDateTime / createdDateTime) asc|desc. Graph's default is newest first. */
export function parseOrderBy(orderBy: string | undefined): (a: StoredMessage, b: StoredMessage) => number {
  const match = /^(receivedDateTime|sentDateTime|createdDateTime)(?:\s+(asc|desc))?$/i.exec(
    (orderBy ?? "receivedDateTime desc").trim(),
  );
  if (!match)
    throw badRequest("BadRequest", `The stand-in does not support $orderby=${orderBy}; use receivedDateTime asc|desc.`);
  const field = ORDERABLE[(match[1] ?? "").toLowerCase()] ?? "receivedDateTime";
  const direction = (match[2] ?? "asc").toLowerCase() === "desc" ? -1 : 1;
  return (a, b) => direction * (Date.parse(a[field] ?? "") - Date.parse(b[field] ?? ""));
}

/** `$top`: 1–1000, Graph's page size for messages is 10 by default. */
export function parseTop(top: string | undefined, fallback: number): number {
  if (top === undefined) return fallback;
  const n = Number(top);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw badRequest("BadRequest", `$top must be an integer from 1 to 1000, not '${top}'.`);
  return n;
}

/** `$expand=singleValueExtendedProperties($filter=id eq '…')`: the property ids asked for. */
export function parseExpand(expand: string | undefined): string[] | undefined {
  if (expand === undefined || expand.trim() === "") return undefined;
  const match = new RegExp(`^singleValueExtendedProperties\\(\\$filter=id\\s+eq\\s+(${QUOTED})\\)$`, "i").exec(
    expand.trim(),
  );
  if (!match) {
    throw badRequest(
      "BadRequest",
      `The stand-in supports only $expand=singleValueExtendedProperties($filter=id eq '…'), not '${expand}'.`,
    );
  }
  return [unquote(match[1] ?? "''")];
}
