import {
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { ActionForm } from "../components/action-form.js";
import { formatInstant } from "../components/format.js";
import { Loaded } from "../components/loaded.js";
import { RagBadge } from "../components/rag-badge.js";
import { useSharedStyles } from "../components/styles.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

/** Caseloads against each person's limit (the profile's, or an agreed one): who is over, and by how much. */
export function TeamView() {
  const { api, me } = useSession();
  const styles = useSharedStyles();
  const [team, reload] = useResource(() => api.team(), "team");
  const supervises = me.roles.includes("manager");
  return (
    <section className={styles.stack}>
      <ViewHeading>Team</ViewHeading>
      <Loaded resource={team} what="the team's caseloads">
        {(data) => {
          const over = data.caseloads.filter((c) => c.over);
          return (
            <>
              {data.rule ? (
                <p className={styles.muted}>
                  Rule {data.rule.id} {data.rule.name} ({data.rule.citation.display})
                </p>
              ) : null}
              <MessageBar intent={over.length > 0 ? "warning" : "success"}>
                <MessageBarBody>
                  {over.length > 0
                    ? `Over their caseload limit: ${over.map((c) => c.displayName).join(", ")}.`
                    : "Nobody is over their caseload limit."}
                </MessageBarBody>
              </MessageBar>
              <Table>
                <caption className={styles.caption}>Caseloads against limits</caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Worker</TableHeaderCell>
                    <TableHeaderCell>Hours</TableHeaderCell>
                    <TableHeaderCell>Open cases</TableHeaderCell>
                    <TableHeaderCell>Limit</TableHeaderCell>
                    <TableHeaderCell>Red clocks</TableHeaderCell>
                    <TableHeaderCell>Supervision (11.6)</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.caseloads.map((load) => (
                    <TableRow key={load.staffId}>
                      <TableCell>{load.displayName}</TableCell>
                      <TableCell>{load.hours === "full-time" ? "Full time" : "Part time"}</TableCell>
                      <TableCell>
                        {load.openCases}
                        {load.over ? ` (${load.openCases - load.limit} over)` : ""}
                      </TableCell>
                      <TableCell>
                        {load.limit} {load.limitSource === "agreed" ? "(agreed)" : "(profile)"}
                      </TableCell>
                      <TableCell>{load.redClocks}</TableCell>
                      <TableCell>
                        {load.supervision ? <RagBadge rag={load.supervision.rag} /> : "None recorded yet"}
                        {load.supervision?.nextDueAt ? ` next by ${formatInstant(load.supervision.nextDueAt)}` : ""}
                        {supervises ? (
                          <details>
                            <summary>Record supervision</summary>
                            <ActionForm
                              name={`Record ${load.displayName}'s supervision`}
                              inputs={[]}
                              submitLabel="Record supervision"
                              askWhen
                              send={(values) => api.recordSupervision(load.staffId, values)}
                              done={`Supervision recorded for ${load.displayName}.`}
                              reload={reload}
                            />
                          </details>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
