import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { ClockStatus, ClockView } from "../../../src/api/contract.js";
import { formatInstant } from "./format.js";
import { RagBadge } from "./rag-badge.js";
import { useSharedStyles } from "./styles.js";

const STATUS: Record<ClockStatus, string> = {
  "on-track": "On track",
  "due-soon": "Due soon",
  overdue: "Overdue",
  breached: "Past its maximum",
  met: "Met",
  cancelled: "Cancelled",
};

/** Each clock with its rule and citation, so anyone can see why something is due and by when. */
export function ClockTable({ clocks, caption }: { clocks: readonly ClockView[]; caption: string }) {
  const styles = useSharedStyles();
  if (clocks.length === 0) return <p>No clocks are running.</p>;
  return (
    <Table size="small">
      <caption className={styles.caption}>{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Rule</TableHeaderCell>
          <TableHeaderCell>Expected by</TableHeaderCell>
          <TableHeaderCell>At the latest</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {clocks.map((clock) => (
          <TableRow key={`${clock.ruleId}~${clock.instance}`}>
            <TableCell>
              {clock.ruleId} {clock.ruleName}
              <br />
              <span className={styles.muted}>{clock.citation.display}</span>
            </TableCell>
            <TableCell>{clock.expected ? formatInstant(clock.expected.at) : "—"}</TableCell>
            <TableCell>{clock.maximum ? formatInstant(clock.maximum.at) : "—"}</TableCell>
            <TableCell>
              <RagBadge rag={clock.rag} /> {STATUS[clock.status]}
              {clock.reason ? <span className={styles.muted}> Reason: {clock.reason}</span> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
