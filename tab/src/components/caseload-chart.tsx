import { VerticalBarChart, type VerticalBarChartDataPoint } from "@fluentui/react-charts";
import { tokens } from "@fluentui/react-components";
import type { CaseloadView } from "../../../src/api/contract.js";

/**
 * Each worker's open cases against their limit (rule 11.3), drawn by Fluent UI's chart library in the theme's
 * colours; over the limit in red. The caseload table below it is its text alternative.
 */
export function CaseloadChart({ caseloads }: { caseloads: readonly CaseloadView[] }) {
  if (caseloads.length === 0) return null;
  const data: VerticalBarChartDataPoint[] = caseloads.map((load) => ({
    x: load.displayName,
    y: load.openCases,
    legend: load.over ? "Open cases, over the limit" : "Open cases",
    color: load.over ? tokens.colorPaletteRedForeground1 : tokens.colorBrandForeground1,
    barLabel: String(load.openCases),
    yAxisCalloutData: `${load.openCases} open of a limit of ${load.limit}`,
    lineData: { y: load.limit },
  }));
  return (
    <figure style={{ margin: 0 }}>
      <VerticalBarChart
        chartTitle="Open cases per worker against their caseload limit"
        data={data}
        height={260}
        lineLegendText="Caseload limit (11.3)"
        lineLegendColor={tokens.colorNeutralForeground1}
      />
      <figcaption>
        Open cases per worker against their caseload limit; the same figures are in the table below.
      </figcaption>
    </figure>
  );
}
