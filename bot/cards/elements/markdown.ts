/**
 * Adaptive Card text is Markdown in Teams (TextBlock text, Fact titles and values), so a name, organisation,
 * subject, note or reason from outside could become a link, an image-less "button" or formatting. Every string a
 * card shows is escaped here with CommonMark backslash escapes, which renderers drop from what they display:
 * inline syntax anywhere (`[`, `*`, `_`, `<`…), block syntax at the start of a line (`#`, `-`, `1.`, indentation),
 * and what a linkifier would take for an address (`://`, dots inside words, `@`).
 */
const INLINE = /[\\`*_~[\]<>|&!]/g;
/** `https://x`, `mailto:` and the like: the colon of a scheme. */
const SCHEME_COLON = /:(?=\/\/)/g;
/** `evil.example`, `www.x.org`, `jo.smith`: a dot before a letter, inside a word (`rule 1.2` stays as it is). */
const WORD_DOT = /(?<=[\p{L}\p{N}])\.(?=\p{L})/gu;
const AT = /@/g;
/** A line opening a heading, list, quote, table or setext underline. */
const LINE_START = /^(\s*)([#>+=-]|\d+(?=[.)]))/;

const escapeLine = (line: string): string =>
  line
    .replace(/^\s+/, "")
    .replace(LINE_START, (_m, _space: string, mark: string) => (/^\d+$/.test(mark) ? `${mark}\\` : `\\${mark}`));

export function escapeMarkdown(value: string): string {
  const inline = value
    .replace(INLINE, (c) => `\\${c}`)
    .replace(SCHEME_COLON, "\\:")
    .replace(WORD_DOT, "\\.")
    .replace(AT, "\\@");
  return inline
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 0 ? escapeLine(part) : part))
    .join("");
}
