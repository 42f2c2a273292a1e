import { VerticalBarChart, type VerticalBarChartDataPoint } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import type { RuleCompliance } from "../../../src/api/contract.js";

/** "target 100%" when every rule aims for the same, else "against each rule's target". */
export function targetWording(rules: readonly RuleCompliance[]): string {
  const targets = new Set(rules.map((r) => r.target));
  const [only] = targets;
  return targets.size === 1 && only !== undefined ? `target ${only}%` : "against each rule's target";
}

/** Clocks that finished in the period, or are overdue and still open: what on time is a share of. */
export const decided = (rule: RuleCompliance) => rule.onTime + rule.late + rule.lateStillOpen;

/** On time as a whole percentage of `decided`, or undefined when nothing was due. */
export function onTimePercent(rule: RuleCompliance): number | undefined {
  const total = decided(rule);
  return total === 0 ? undefined : Math.round((rule.onTime / total) * 100);
}

/**
 * On-time percentage per rule against the target, drawn by Fluent UI's chart library in the theme's colours. The
 * table below it (with the same percentages) is its text alternative.
 */
export function ComplianceChart({ rules }: { rules: readonly RuleCompliance[] }) {
  const data: VerticalBarChartDataPoint[] = rules.flatMap((rule) => {
    const percent = onTimePercent(rule);
    if (percent === undefined) return [];
    return [
      {
        x: rule.ruleId,
        y: percent,
        legend: "On time (%)",
        color: tokens.colorPaletteGreenForeground1,
        barLabel: `${percent}%`,
        xAxisCalloutData: `${rule.ruleId} ${rule.ruleName}`,
        yAxisCalloutData: `${percent}% on time (${rule.onTime} of ${decided(rule)}), target ${rule.target}%`,
        lineData: { y: rule.target },
      },
    ];
  });
  if (data.length === 0) return <p>No clock was due in this period, so there is no chart yet.</p>;
  return (
    <figure style={{ margin: 0 }}>
      <VerticalBarChart
        chartTitle="On time per rule, as a percentage, against the target"
        data={data}
        height={280}
        yMaxValue={100}
        lineLegendText="Target (%)"
        lineLegendColor={tokens.colorNeutralForeground1}
        hideLegend={false}
      />
      <figcaption>On time per rule ({targetWording(rules)}); the same figures are in the table below.</figcaption>
    </figure>
  );
}
