import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

/**
 * How deep elements may nest before further opening tags are dropped (their text is kept). Browsers do the same
 * (Chromium's HTML parser stops nesting at 512). htmlparser2's tree builder does work proportional to the depth for
 * every tag, so a body of nothing but unclosed tags (1 MB of `<div>` nests 200,000 deep) would take it minutes.
 */
export const MAX_NESTING = 512;

/** Elements that never have content (HTML, "void elements", plus the legacy ones parsers still treat so). */
const VOID = new Set(
  "area base basefont bgsound br col command embed frame hr image img input isindex keygen link meta param source track wbr".split(
    " ",
  ),
);

/**
 * Elements a parser closes when a sibling of their kind opens (`<li>` closes an open `<li>`…). Counted the same way
 * here so that long lists and tables written without closing tags do not look deep; the parser closes these and
 * more, so it never nests deeper than this count says.
 */
const CLOSED_BY: Readonly<Record<string, readonly string[]>> = {
  li: ["li"],
  p: ["p"],
  dt: ["dt", "dd"],
  dd: ["dt", "dd"],
  td: ["td", "th"],
  th: ["td", "th"],
  tr: ["tr", "td", "th"],
  option: ["option"],
};

/**
 * The HTML with every opening tag below MAX_NESTING dropped, in one pass of htmlparser2's tokenizer (linear in the
 * length). Closing tags are all kept: one with nothing to close is ignored by the parser, as it always was.
 */
export function boundNesting(html: string): string {
  const open: string[] = [];
  const kept: string[] = [];
  let copiedTo = 0;
  let tagStart = 0;
  let dropTag = false;
  const cbs: TokenizerCallbacks = {
    ...IGNORED,
    onopentagname(start, end) {
      tagStart = start - 1;
      const name = html.slice(start, end).toLowerCase();
      const closes = CLOSED_BY[name] ?? [];
      while (open.length > 0 && closes.includes(open.at(-1) ?? "")) open.pop();
      dropTag = !VOID.has(name) && open.length >= MAX_NESTING;
      if (!VOID.has(name) && !dropTag) open.push(name);
    },
    onopentagend(end) {
      if (!dropTag) return;
      kept.push(html.slice(copiedTo, tagStart));
      copiedTo = end + 1;
      dropTag = false;
    },
    onselfclosingtag(end) {
      cbs.onopentagend(end);
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    },
  };
  const tokenizer = new Tokenizer({ decodeEntities: false }, cbs);
  tokenizer.write(html);
  tokenizer.end();
  if (copiedTo === 0) return html;
  kept.push(html.slice(copiedTo));
  return kept.join("");
}

const IGNORED: TokenizerCallbacks = {
  onattribdata: () => undefined,
  onattribentity: () => undefined,
  onattribend: () => undefined,
  onattribname: () => undefined,
  oncdata: () => undefined,
  onclosetag: () => undefined,
  oncomment: () => undefined,
  ondeclaration: () => undefined,
  onend: () => undefined,
  onopentagend: () => undefined,
  onopentagname: () => undefined,
  onprocessinginstruction: () => undefined,
  onselfclosingtag: () => undefined,
  ontext: () => undefined,
  ontextentity: () => undefined,
};
