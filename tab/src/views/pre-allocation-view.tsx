import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { CaseLink } from "../components/case-link.js";
import { formatInstant } from "../components/format.js";
import { Loaded } from "../components/loaded.js";
import { RagBadge } from "../components/rag-badge.js";
import { useSharedStyles } from "../components/styles.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

/** Cases waiting for a worker, each with its weekly-contact clock: the family must hear from us meanwhile. */
export function PreAllocationView() {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [list] = useResource(() => api.preAllocation(), "pre-allocation");
  return (
    <section className={styles.stack}>
      <ViewHeading>Pre-Allocation List</ViewHeading>
      <Loaded resource={list} what="the Pre-Allocation List">
        {(data) =>
          data.items.length === 0 ? (
            <p>No cases are waiting for allocation.</p>
          ) : (
            <Table>
              <caption className={styles.caption}>Cases waiting for a worker, with their contact clock</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Case</TableHeaderCell>
                  <TableHeaderCell>Last contact with the family</TableHeaderCell>
                  <TableHeaderCell>Next contact due</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((item) => (
                  <TableRow key={item.caseId}>
                    <TableCell>
                      <CaseLink caseId={item.caseId} /> {item.kindLabel}
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
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Loaded>
    </section>
  );
}
