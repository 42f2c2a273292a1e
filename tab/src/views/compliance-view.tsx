import {
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ComplianceReport } from "../../../src/api/contract.js";
import { CaseLink } from "../components/case-link.js";
import { ComplianceChart, onTimePercent, targetWording } from "../components/compliance-chart.js";
import { ComplianceTrend } from "../components/compliance-trend.js";
import { formatInstant, londonToday } from "../components/format.js";
import { Loaded } from "../components/loaded.js";
import { ProblemBar } from "../components/problem-bar.js";
import { useSharedStyles } from "../components/styles.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

/** For oversight and inspection: each rule on time against late over a period, why, and long-open cases. */
export function ComplianceView({ today = londonToday(new Date()) }: { today?: string }) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [period, setPeriod] = useState({ from: `${today.slice(0, 8)}01`, to: today });
  const [report] = useResource(() => api.compliance(period.from, period.to), `compliance~${period.from}~${period.to}`);
  const [exportError, setExportError] = useState<unknown>(undefined);

  const exportCsv = async () => {
    setExportError(undefined);
    try {
      const csv = await api.complianceCsv(period.from, period.to);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
      link.download = `compliance-${period.from}-to-${period.to}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      setExportError(error);
    }
  };

  return (
    <section className={styles.stack}>
      <ViewHeading>Compliance</ViewHeading>
      <div className={styles.row}>
        <Field label="From">
          <Input
            type="date"
            value={period.from}
            onChange={(_, d) => d.value && setPeriod({ ...period, from: d.value })}
          />
        </Field>
        <Field label="To">
          <Input type="date" value={period.to} onChange={(_, d) => d.value && setPeriod({ ...period, to: d.value })} />
        </Field>
        <Button onClick={() => void exportCsv()}>Export CSV</Button>
      </div>
      {exportError === undefined ? null : <ProblemBar error={exportError} />}
      <Loaded resource={report} what="the compliance figures">
        {(data) => <Report report={data} />}
      </Loaded>
    </section>
  );
}

function Report({ report }: { report: ComplianceReport }) {
  const styles = useSharedStyles();
  return (
    <>
      <ComplianceChart rules={report.rules} />
      <Table size="small">
        <caption className={styles.caption}>
          On time and late per rule, {report.from} to {report.to}
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Rule</TableHeaderCell>
            <TableHeaderCell>{`On time, % (${targetWording(report.rules)})`}</TableHeaderCell>
            <TableHeaderCell>On time</TableHeaderCell>
            <TableHeaderCell>Late</TableHeaderCell>
            <TableHeaderCell>Late, within the maximum</TableHeaderCell>
            <TableHeaderCell>Overdue, still open</TableHeaderCell>
            <TableHeaderCell>Cancelled</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.rules.map((rule) => (
            <TableRow key={rule.ruleId}>
              <TableCell>
                {rule.ruleId} {rule.ruleName}
                <br />
                <span className={styles.muted}>{rule.citation.display}</span>
              </TableCell>
              <TableCell>{onTimePercent(rule) === undefined ? "—" : `${onTimePercent(rule)}%`}</TableCell>
              <TableCell>{rule.onTime}</TableCell>
              <TableCell>{rule.late}</TableCell>
              <TableCell>{rule.lateWithinMaximum}</TableCell>
              <TableCell>{rule.lateStillOpen}</TableCell>
              <TableCell>{rule.cancelled}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ChecksTable report={report} />
      <h3 className={styles.subheading}>Monthly trend per rule</h3>
      <ComplianceTrend rules={report.rules} />
      <h3 className={styles.subheading}>Reasons recorded for exceeding a timescale</h3>
      {report.reasons.length === 0 ? (
        <p>No reasons have been recorded in this period.</p>
      ) : (
        <ul>
          {report.reasons.map((r) => (
            <li key={`${r.caseId}~${r.ruleId}~${r.instance}`}>
              <CaseLink caseId={r.caseId} />, rule {r.ruleId}: {r.reason}
            </li>
          ))}
        </ul>
      )}
      <h3 className={styles.subheading}>Long-open cases</h3>
      <ul>
        {report.longOpen.map((bucket) => (
          <li key={bucket.months}>
            Open {bucket.months} months or more: {bucket.cases.length}
            {bucket.more ? "+" : ""}
            {bucket.cases.length > 0 ? " — " : ""}
            {bucket.cases.map((c, i) => (
              <span key={c.caseId}>
                {i > 0 ? ", " : ""}
                <CaseLink caseId={c.caseId} />
              </span>
            ))}
          </li>
        ))}
      </ul>
      <p className={styles.muted}>Figures as at {formatInstant(report.generatedAt)}.</p>
    </>
  );
}

/** Checks the record evidences at stages (9 voice of the child, Bexley §12 oversight): evidenced against missing. */
function ChecksTable({ report }: { report: ComplianceReport }) {
  const styles = useSharedStyles();
  if (report.checks.length === 0) return null;
  return (
    <Table size="small">
      <caption className={styles.caption}>
        Checks at each stage, {report.from} to {report.to}
      </caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Rule</TableHeaderCell>
          <TableHeaderCell>Evidenced</TableHeaderCell>
          <TableHeaderCell>Missing</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {report.checks.map((check) => (
          <TableRow key={check.ruleId}>
            <TableCell>
              {check.ruleId} {check.ruleName}
              <br />
              <span className={styles.muted}>{check.citation.display}</span>
            </TableCell>
            <TableCell>{check.evidenced}</TableCell>
            <TableCell>{check.missing}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
