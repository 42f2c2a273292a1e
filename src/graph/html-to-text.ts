/**
 * Plain text from an HTML mail body, without a dependency: enough for classification, referrer extraction and
 * display as text. Scripts, styles and comments are dropped whole; the result is text, never markup, and
 * whoever shows it must still escape it.
 */
const DROPPED_ELEMENTS = /<(script|style|head|title|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const UNCLOSED_DROPPED = /<(script|style)\b[^>]*>[\s\S]*$/gi;
const COMMENTS = /<!--[\s\S]*?(-->|$)/g;
const LINE_BREAKS = /<br\b[^>]*>/gi;
const LIST_ITEMS = /<li\b[^>]*>/gi;
const CELL_ENDS = /<\/(td|th)\s*>/gi;
const BLOCK_EDGES =
  /<\/?(p|div|h[1-6]|ul|ol|table|tr|blockquote|pre|section|article|header|footer|hr|address)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-z!?][^>]*>/gi;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  pound: "£",
  euro: "€",
  copy: "©",
  bull: "•",
};

const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#")) {
      const code =
        entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "";
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });

export const htmlToText = (html: string): string => {
  const text = html
    .replace(COMMENTS, "")
    .replace(DROPPED_ELEMENTS, "")
    .replace(UNCLOSED_DROPPED, "")
    .replace(/\s+/g, " ") // HTML whitespace is not significant; line breaks come from the markup below
    .replace(LINE_BREAKS, "\n")
    .replace(LIST_ITEMS, "\n- ")
    .replace(CELL_ENDS, "\t")
    .replace(BLOCK_EDGES, "\n\n")
    .replace(ANY_TAG, "");
  return decodeEntities(text)
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
};
