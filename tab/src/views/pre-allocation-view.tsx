import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { ActionFeedback } from "../components/action-feedback.js";
import { CaseLink } from "../components/case-link.js";
import { formatInstant } from "../components/format.js";
import { LoadMoreButton } from "../components/load-more.js";
import { Loaded } from "../components/loaded.js";
import { RagBadge } from "../components/rag-badge.js";
import { useSharedStyles } from "../components/styles.js";
import { useAction } from "../components/use-action.js";
import { usePagedResource } from "../components/use-paged-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

/** Cases waiting for a worker, each with its weekly-contact clock: the family must hear from us meanwhile. */
export function PreAllocationView() {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [list, reload, more] = usePagedResource(
    (next) => api.preAllocation(next),
    (page) => page.items,
    "pre-allocation",
  );
  return (
    <section className={styles.stack}>
      <ViewHeading>Pre-Allocation List</ViewHeading>
      <Loaded resource={list} what="the Pre-Allocation List">
        {(data) =>
          data.items.length === 0 ? (
            <p>No cases are waiting for allocation.</p>
          ) : (
            <>
              <Table>
                <caption className={styles.caption}>Cases waiting for a worker, with their contact clock</caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Case</TableHeaderCell>
                    <TableHeaderCell>Last contact with the family</TableHeaderCell>
                    <TableHeaderCell>Next contact due</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                    <TableHeaderCell>Contact made</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((item) => (
                    <TableRow key={item.caseId}>
                      <TableCell>
                        <CaseLink caseId={item.caseId} highRisk={item.highRisk} /> {item.kindLabel}
                      </TableCell>
                      <TableCell>{item.lastContactAt ? formatInstant(item.lastContactAt) : "None recorded"}</TableCell>
                      <TableCell>
                        {item.contactClock?.maximum ? formatInstant(item.contactClock.maximum.at) : "—"}
                        {item.contactClock ? (
                          <>
                            <br />
                            <span className={styles.muted}>
                              Rule {item.contactClock.ruleId}, {item.contactClock.citation.display}
                            </span>
                          </>
                        ) : null}
                      </TableCell>
                      <TableCell>
                        <RagBadge rag={item.contactClock?.rag ?? item.rag} />
                      </TableCell>
                      <TableCell>
                        <RecordContact caseId={item.caseId} etag={item.etag} reload={reload} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <LoadMoreButton more={more} what="cases" shown={data.items.length} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

/** The duty worker records this week's contact with the family; the 3.3 clock restarts from it. */
function RecordContact({ caseId, etag, reload }: { caseId: string; etag: string; reload: () => Promise<void> }) {
  const { api } = useSession();
  const { busy, error, warnings, run } = useAction(reload);
  return (
    <>
      <Button
        size="small"
        disabled={busy}
        aria-label={`Record contact with the family of ${caseId}`}
        onClick={() =>
          void run(
            () => api.recordEvent(caseId, { type: "pre-allocation-contact" }, etag),
            `Contact with the family recorded on ${caseId}.`,
          )
        }
      >
        Record contact
      </Button>
      <ActionFeedback error={error} warnings={warnings} />
    </>
  );
}
