import type { ComplianceReport } from "../contract.js";

const csvCell = (value: string | number): string => {
  const text = String(value);
  // A leading = + - @ would run as a formula in Excel: quote it as text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One line per rule, for a spreadsheet. */
export function complianceCsv(report: ComplianceReport): string {
  const header = [
    "rule",
    "name",
    "citation",
    "from",
    "to",
    "on_time",
    "late",
    "late_within_maximum",
    "late_still_open",
    "cancelled",
    "late_unmet",
  ];
  const lines = report.rules.map((r) =>
    [
      r.ruleId,
      r.ruleName,
      r.citation.display,
      report.from,
      report.to,
      r.onTime,
      r.late,
      r.lateWithinMaximum,
      r.lateStillOpen,
      r.cancelled,
      r.lateUnmet,
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
