import { LineChart, type LineChartPoints } from "@fluentui/react-charts";
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { MonthOnTime, RuleCompliance } from "../../../src/api/contract.js";
import { useSharedStyles } from "./styles.js";

/** Distinct theme colours for the rules' lines (each line is also named in the legend and the table). */
const LINE_COLOURS = [
  tokens.colorBrandForeground1,
  tokens.colorPaletteGreenForeground1,
  tokens.colorPaletteRedForeground1,
  tokens.colorPaletteDarkOrangeForeground1,
  tokens.colorPaletteBerryForeground1,
  tokens.colorPaletteTealForeground2,
  tokens.colorPaletteMarigoldForeground1,
  tokens.colorPalettePurpleForeground2,
  tokens.colorPaletteNavyForeground2,
  tokens.colorPaletteCranberryForeground2,
];

const stopped = (m: MonthOnTime) => m.onTime + m.late;
const percentOf = (m: MonthOnTime): number | undefined =>
  stopped(m) === 0 ? undefined : Math.round((m.onTime / stopped(m)) * 100);

/** The first of a YYYY-MM month, as the chart's x (UTC, so no time zone moves it into the month before). */
const monthStart = (month: string): Date => new Date(`${month}-01T00:00:00Z`);

/** "Sep 2026". */
export const monthLabel = (month: string): string =>
  monthStart(month).toLocaleString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/**
 * The monthly trend per rule: the on-time percentage of the clocks stopped in each month, one line per rule, drawn
 * by Fluent UI's chart library in the theme's colours; the table after it is its text alternative.
 */
export function ComplianceTrend({ rules }: { rules: readonly RuleCompliance[] }) {
  const styles = useSharedStyles();
  const months = rules[0]?.months.map((m) => m.month) ?? [];
  if (months.length < 2) return <p>Choose a period of two months or more to see the monthly trend per rule.</p>;
  const shown = rules.filter((rule) => rule.months.some((m) => stopped(m) > 0));
  if (shown.length === 0) return <p>No clock stopped in this period, so there is no monthly trend yet.</p>;
  const lines: LineChartPoints[] = shown.map((rule, i) => ({
    legend: rule.ruleId,
    color: LINE_COLOURS[i % LINE_COLOURS.length] ?? tokens.colorBrandForeground1,
    data: rule.months.flatMap((m) => {
      const percent = percentOf(m);
      return percent === undefined
        ? []
        : [
            {
              x: monthStart(m.month),
              y: percent,
              xAxisCalloutData: `${rule.ruleId} ${rule.ruleName}, ${monthLabel(m.month)}`,
              yAxisCalloutData: `${percent}% on time (${m.onTime} of ${stopped(m)})`,
            },
          ];
    }),
  }));
  return (
    <>
      <figure style={{ margin: 0 }}>
        <LineChart
          data={{ chartTitle: "On time per rule by month, as a percentage", lineChartData: lines }}
          height={300}
          yMaxValue={100}
          yMinValue={0}
          tickValues={months.map(monthStart)}
          customDateTimeFormatter={(date: Date) => monthLabel(date.toISOString().slice(0, 7))}
          useUTC
        />
        <figcaption>
          On time per rule by month, of the clocks stopped in that month; the same figures are in the table below.
        </figcaption>
      </figure>
      <Table size="small">
        <caption className={styles.caption}>On time per rule by month, % (on time of those stopped)</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Rule</TableHeaderCell>
            {months.map((month) => (
              <TableHeaderCell key={month}>{monthLabel(month)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((rule) => (
            <TableRow key={rule.ruleId}>
              <TableCell>
                {rule.ruleId} {rule.ruleName}
              </TableCell>
              {rule.months.map((m) => (
                <TableCell key={m.month}>
                  {percentOf(m) === undefined ? "—" : `${percentOf(m)}% (${m.onTime} of ${stopped(m)})`}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
