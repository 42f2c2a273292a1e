import { compile, type FormatCallback } from "html-to-text";

/**
 * Bodies as Exchange Online stores and returns them through Graph. An HTML body stays HTML (`contentType: html`),
 * decoded to UTF-8 and wrapped in a whole document with a UTF-8 meta tag, as Exchange writes it; a text body stays
 * text. Only a client asking `Prefer: outlook.body-content-type="text"` gets the HTML as text, converted the way
 * Outlook and Exchange do: blocks and table rows on their own lines, a row's cells separated by tabs, a link written
 * as its text followed by its address in angle brackets.
 */
const UTF8_META = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">';

export function exchangeHtml(html: string): string {
  const lower = html.slice(0, 4096).toLowerCase();
  if (!lower.includes("<html"))
    return `<html><head>\r\n${UTF8_META}\r\n</head>\r\n<body>\r\n${html}\r\n</body>\r\n</html>\r\n`;
  const head = lower.indexOf("<head");
  if (head < 0 || lower.includes("charset=utf-8")) return html;
  const headEnd = html.indexOf(">", head) + 1;
  return `${html.slice(0, headEnd)}\r\n${UTF8_META}${html.slice(headEnd)}`;
}

/** A table row's cells separated by tabs: which label goes with which value is not marked. */
const tabbedRows: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 1 });
  const rows = elem.children.flatMap((child) =>
    child.name === "tr" ? [child] : (child.children?.filter((row) => row.name === "tr") ?? []),
  );
  rows.forEach((row, r) => {
    if (r > 0) builder.addLineBreak();
    row.children
      .filter((cell) => cell.name === "td" || cell.name === "th")
      .forEach((cell, c) => {
        if (c > 0) builder.addLiteral("\t");
        walk(cell.children, builder);
      });
  });
  builder.closeBlock({ trailingLineBreaks: 1 });
};

let converter: ((html: string) => string) | undefined;

export function exchangeText(html: string): string {
  converter ??= compile({
    wordwrap: false,
    formatters: { tabbedRows },
    selectors: [
      { selector: "a", options: { linkBrackets: ["<", ">"], hideLinkHrefIfSameAsText: true } },
      { selector: "img", format: "skip" },
      { selector: "table", format: "tabbedRows" },
      ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
    ],
  });
  return converter(html);
}
