/** One cell of a table (or a term or description of a definition list) as text, and whether it was a header cell. */
export interface LaidCell {
  readonly text: string;
  readonly header: boolean;
}

/** A label is one short line: a longer or multi-line cell is content, or a layout column. */
const LABEL_MAX_CHARS = 80;
/** A cell that already reads "Label: value" (a form nested in a layout column) is content, not a label. */
const HOLDS_A_PAIR = /:\s*\S/;

const lines = (text: string): string[] =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

const isLabel = (text: string): boolean => {
  const trimmed = text.trim();
  return trimmed !== "" && trimmed.length <= LABEL_MAX_CHARS && !trimmed.includes("\n") && !HOLDS_A_PAIR.test(trimmed);
};

/** "Referrer email:" and "Referrer email" are the same label; the pair is written "Referrer email: value". */
const pair = (label: string, value: string): string => {
  const [first = "", ...rest] = lines(value);
  return [`${label.trim().replace(/\s*:$/, "")}: ${first}`.trimEnd(), ...rest].join("\n");
};

/** Spacer columns (empty in every row) are dropped, so "label | (spacer) | value" still pairs. */
function withoutSpacers(rows: readonly (readonly LaidCell[])[]): LaidCell[][] {
  if (rows.length < 2) return rows.map((row) => [...row]);
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const spacer = Array.from({ length: width }, (_, i) =>
    rows.every((row) => row[i] === undefined || row[i].text.trim() === ""),
  );
  return rows.map((row) => row.filter((_, i) => !spacer[i]));
}

/** Label, value, label, value…: the form layout portals and case systems send. */
function asPairs(row: readonly LaidCell[]): string[] | undefined {
  if (row.length < 2 || row.length % 2 !== 0) return undefined;
  const labels = row.filter((_, i) => i % 2 === 0);
  if (!labels.every((cell) => isLabel(cell.text))) return undefined;
  return labels.map((label, i) => pair(label.text, row[i * 2 + 1]?.text ?? ""));
}

/** Two columns side by side, labels stacked in the first and their values in the second, line for line. */
function asStackedColumns(row: readonly LaidCell[]): string[] | undefined {
  const [labelCell, valueCell] = row;
  if (row.length !== 2 || labelCell === undefined || valueCell === undefined) return undefined;
  const labels = lines(labelCell.text);
  const values = lines(valueCell.text);
  if (labels.length < 2 || labels.length !== values.length || !labels.every(isLabel)) return undefined;
  return labels.map((label, i) => pair(label, values[i] ?? ""));
}

/** A header row of labels (th) over rows of values: each value is written with its column's label. */
function asColumns(rows: readonly (readonly LaidCell[])[]): string[] | undefined {
  const [head, ...body] = rows;
  if (head === undefined || head.length < 2 || body.length === 0) return undefined;
  if (!head.every((cell) => cell.header && isLabel(cell.text))) return undefined;
  if (!body.every((row) => row.length === head.length && row.every((cell) => !cell.header))) return undefined;
  return body.map((row) => row.map((cell, i) => pair(head[i]?.text ?? "", cell.text)).join("\n"));
}

/**
 * A table as text that keeps what a form says: label/value cells (side by side, stacked in two columns, or under a
 * header row) become "Label: value" lines, which the mail rules read like any other; any other row gives each
 * cell's text on its own lines.
 */
export function formLines(rows: readonly (readonly LaidCell[])[]): string {
  const table = withoutSpacers(rows);
  const columns = asColumns(table);
  if (columns !== undefined) return columns.join("\n\n");
  return table
    .flatMap((row) => asPairs(row) ?? asStackedColumns(row) ?? row.map((cell) => cell.text.trim()))
    .filter((line) => line !== "")
    .join("\n");
}
