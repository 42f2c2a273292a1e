import { compile, type DomNode, type FormatCallback, type HtmlToTextOptions } from "html-to-text";
import { formLines, type LaidCell } from "./form-layout.js";
import { boundNesting, MAX_NESTING } from "./html-nesting.js";

const tagsNamed = (nodes: readonly DomNode[], names: readonly string[]): DomNode[] =>
  nodes.filter((node) => node.type === "tag" && names.includes(node.name ?? ""));

/** A table's rows, wherever the markup put them (directly, or in thead, tbody, tfoot). */
const rowsOf = (table: DomNode): DomNode[] =>
  table.children.flatMap((child) =>
    child.type !== "tag" ? [] : child.name === "tr" ? [child] : tagsNamed(child.children, ["tr"]),
  );

/** Renders cells through the converter (so nested tables, lists and breaks inside them are text too). */
function renderTable(
  rows: readonly (readonly DomNode[])[],
  walk: Parameters<FormatCallback>[1],
  builder: Parameters<FormatCallback>[2],
  isHeader: (cell: DomNode) => boolean,
): void {
  builder.openTable();
  for (const cells of rows) {
    builder.openTableRow();
    for (const cell of cells) {
      builder.openTableCell();
      walk(cell.children, builder);
      builder.closeTableCell();
    }
    builder.closeTableRow();
  }
  builder.closeTable({
    tableToString: (printed) =>
      formLines(
        printed.map((cells, r) =>
          cells.map((cell, c): LaidCell => {
            const node = rows[r]?.[c];
            return { text: cell.text, header: node !== undefined && isHeader(node) };
          }),
        ),
      ),
    leadingLineBreaks: 1,
    trailingLineBreaks: 1,
  });
}

const formTable: FormatCallback = (elem, walk, builder) =>
  renderTable(
    rowsOf(elem).map((row) => tagsNamed(row.children, ["td", "th"])),
    walk,
    builder,
    (cell) => cell.name === "th",
  );

/** `<dl>`: each term with its descriptions is one label/value row. */
const formDefinitions: FormatCallback = (elem, walk, builder) => {
  const rows: DomNode[][] = [];
  for (const node of tagsNamed(elem.children, ["dt", "dd"])) {
    const last = rows.at(-1);
    if (node.name === "dt" || last === undefined) rows.push([node]);
    else last.push(node);
  }
  renderTable(rows, walk, builder, (cell) => cell.name === "dt");
};

const SKIPPED = ["head", "script", "style", "title", "template", "noscript", "img", "object", "svg"];
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  formatters: { formTable, formDefinitions },
  // The converter walks the tree recursively: bounded as the parser's nesting is, with room for implied elements.
  limits: { maxDepth: MAX_NESTING, ellipsis: "…" },
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "table", format: "formTable" },
    { selector: "dl", format: "formDefinitions" },
    { selector: "ul", options: { itemPrefix: "- " } },
    { selector: "hr", format: "block" },
    ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false } })),
    ...SKIPPED.map((selector) => ({ selector, format: "skip" })),
  ],
};

let converter: ((html: string) => string) | undefined;

/**
 * Plain text from an HTML mail body, read by a real HTML parser (htmlparser2, through html-to-text) in time linear in
 * its length. Scripts, styles, comments and images are dropped; forms laid out as tables or definition lists keep
 * their "Label: value" pairs. The result is text, never markup: whoever shows it must still escape it.
 */
export function htmlToText(html: string): string {
  converter ??= compile(OPTIONS);
  return converter(boundNesting(html))
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
