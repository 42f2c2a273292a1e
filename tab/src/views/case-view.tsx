import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { CaseDetail } from "../../../src/api/contract.js";
import { CaseActions } from "../components/case-actions.js";
import { CaseWarnings } from "../components/case-warnings.js";
import { ClockTable } from "../components/clock-table.js";
import { formatInstant } from "../components/format.js";
import { Loaded } from "../components/loaded.js";
import { RagBadge } from "../components/rag-badge.js";
import { useSharedStyles } from "../components/styles.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

/**
 * One case: what the framework warns of, its audit trail (every contact, decision and event, who and when), every
 * clock, every email.
 */
export function CaseView({ caseId }: { caseId: string }) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [detail, reload] = useResource(() => api.caseDetail(caseId), `case~${caseId}`);
  return (
    <section className={styles.stack}>
      <ViewHeading>{`Case ${caseId}`}</ViewHeading>
      <Loaded resource={detail} what={`case ${caseId}`}>
        {(data) => (
          <>
            <p>
              {data.case.kindLabel}: the case {data.case.statePhrase}. <RagBadge rag={data.rag} />
              {data.case.leadWorkerName ? ` Lead worker: ${data.case.leadWorkerName}.` : ""}
            </p>
            <CaseWarnings detail={data} />
            <CaseActions detail={data} reload={reload} />
            <Timeline detail={data} />
            <ClockTable clocks={data.clocks} caption="Every clock on this case" />
            <Emails detail={data} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function Timeline({ detail }: { detail: CaseDetail }) {
  const styles = useSharedStyles();
  return (
    <>
      <h3 className={styles.subheading}>Timeline</h3>
      <ol aria-label="Timeline, oldest first">
        {detail.timeline.map((entry) => (
          <li key={entry.seq}>
            <strong>{entry.label}</strong> — {formatInstant(entry.at)}, by {entry.by.displayName ?? entry.by.id}
            {entry.why ? <span className={styles.muted}>. Why: {entry.why}</span> : null}
            {entry.recordedAt ? (
              <span className={styles.muted}> (recorded {formatInstant(entry.recordedAt)})</span>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

const EMAIL_STATE = { pending: "Waiting", drafted: "Being sent", sent: "Sent", held: "Held", failed: "Failed" };

function Emails({ detail }: { detail: CaseDetail }) {
  const styles = useSharedStyles();
  if (detail.emails.length === 0) return <p>No emails have been sent on this case.</p>;
  return (
    <Table size="small">
      <caption className={styles.caption}>Emails sent</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Purpose</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Last change</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {detail.emails.map((email) => (
          <TableRow key={email.key}>
            <TableCell>{email.purpose}</TableCell>
            <TableCell>
              {EMAIL_STATE[email.state]}
              {email.failureReason ? `: ${email.failureReason}` : ""}
            </TableCell>
            <TableCell>{formatInstant(email.updatedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
