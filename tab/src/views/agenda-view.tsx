import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { AgendaResponse, PanelName, StaffView } from "../../../src/api/contract.js";
import { CaseLink } from "../components/case-link.js";
import { ClockTable } from "../components/clock-table.js";
import { DecisionForm } from "../components/decision-form.js";
import { formatInstant, formatLondonDate } from "../components/format.js";
import { LoadMoreButton } from "../components/load-more.js";
import { Loaded } from "../components/loaded.js";
import { RagBadge } from "../components/rag-badge.js";
import { useSharedStyles } from "../components/styles.js";
import { usePagedResource } from "../components/use-paged-resource.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { panelsOf } from "../routes.js";
import { useSession } from "../session.js";

/** A panel's agenda for today: what is still open (with the decision form) and what has been decided. */
export function AgendaView({ panel, compact = false }: { panel: PanelName; compact?: boolean }) {
  const { api, me } = useSession();
  const styles = useSharedStyles();
  const [agenda, reload, more] = usePagedResource(
    (next) => api.agenda(panel, next),
    (page) => page.open,
    `agenda~${panel}`,
  );
  const [staff] = useResource(() => api.staff(), "staff");
  const workers = staff.status === "ready" ? staff.data.staff.filter((s) => s.roles.includes("practitioner")) : [];
  const title = panelsOf(me).find((p) => p.id === panel)?.name ?? panel;
  return (
    <section className={styles.stack}>
      <ViewHeading>{`${title} agenda`}</ViewHeading>
      <Loaded resource={agenda} what={`the ${title} agenda`}>
        {({ first, items, continuation }) => {
          // What is still open, across the pages loaded so far; the rest of the agenda is the first page's.
          const data: AgendaResponse = { ...first, open: items };
          return (
            <>
              <p>
                {formatLondonDate(data.date)}: {items.length}
                {continuation === undefined ? "" : " or more"} still open, {data.decidedToday.length} decided today.
              </p>
              <OpenItems agenda={data} workers={workers} reload={reload} compact={compact} />
              <LoadMoreButton more={more} what="open cases" shown={items.length} />
              <DecidedToday agenda={data} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function OpenItems(props: {
  agenda: AgendaResponse;
  workers: readonly StaffView[];
  reload: () => Promise<void>;
  compact: boolean;
}) {
  const { me } = useSession();
  const styles = useSharedStyles();
  const { agenda, workers, reload, compact } = props;
  const mayDecide = agenda.deciderRoles.some((role) => me.roles.includes(role));
  return (
    <>
      <h3 className={styles.subheading}>Still open</h3>
      {agenda.open.length === 0 ? <p>Nothing is waiting for a decision.</p> : null}
      {agenda.open.map((item) => (
        <article key={item.caseId} className={styles.card} aria-label={`Case ${item.caseId}`}>
          <h4>
            <CaseLink caseId={item.caseId} highRisk={item.highRisk} /> {item.kindLabel} <RagBadge rag={item.rag} />
          </h4>
          <p className={styles.muted}>
            {item.summary ?? ""} Opened {formatInstant(item.openedAt)}; {item.statePhrase}.
          </p>
          {compact ? null : <ClockTable clocks={item.clocks} caption={`Clocks for ${item.caseId}`} />}
          {mayDecide ? (
            <DecisionForm
              caseId={item.caseId}
              etag={item.etag}
              panel={agenda.panel}
              options={agenda.options}
              workers={workers}
              reload={reload}
            />
          ) : (
            <p>Only {agenda.deciderRoles.join(" or ")} may record a decision here.</p>
          )}
        </article>
      ))}
    </>
  );
}

function DecidedToday({ agenda }: { agenda: AgendaResponse }) {
  const styles = useSharedStyles();
  if (agenda.decidedToday.length === 0) return <p>No decisions have been made today.</p>;
  return (
    <Table size="small">
      <caption className={styles.caption}>Decisions made today</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Case</TableHeaderCell>
          <TableHeaderCell>Decision</TableHeaderCell>
          <TableHeaderCell>By</TableHeaderCell>
          <TableHeaderCell>When</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {agenda.decidedToday.map((decision) => (
          <TableRow key={`${decision.caseId}~${decision.at}`}>
            <TableCell>
              <CaseLink caseId={decision.caseId} />
            </TableCell>
            <TableCell>
              {decision.outcomeLabel}
              {decision.note ? <span className={styles.muted}> ({decision.note})</span> : null}
            </TableCell>
            <TableCell>{decision.by.displayName ?? decision.by.id}</TableCell>
            <TableCell>{formatInstant(decision.at)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
