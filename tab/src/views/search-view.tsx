import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { SearchMatchField } from "../../../src/api/contract.js";
import { CaseLink } from "../components/case-link.js";
import { Loaded } from "../components/loaded.js";
import { RagBadge } from "../components/rag-badge.js";
import { useSharedStyles } from "../components/styles.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

const FOUND_IN: Record<SearchMatchField, string> = {
  reference: "Case reference",
  referrer: "Referrer",
  family: "Family",
  subject: "Subject",
};

/** The cases a search found among those this person needs to know: state and RAG, most urgent first. */
export function SearchView({ query }: { query: string }) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [found] = useResource(() => api.search(query), `search~${query}`);
  return (
    <section className={styles.stack}>
      <ViewHeading>{`Search: ${query}`}</ViewHeading>
      <Loaded resource={found} what="the cases found">
        {(data) =>
          data.items.length === 0 ? (
            <p>No case you may see matches “{query}”.</p>
          ) : (
            <>
              <Table>
                <caption className={styles.caption}>
                  Cases found, most urgent first ({data.items.length}
                  {data.more ? ", and more: add a word to narrow the search" : ""})
                </caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Case</TableHeaderCell>
                    <TableHeaderCell>State</TableHeaderCell>
                    <TableHeaderCell>RAG</TableHeaderCell>
                    <TableHeaderCell>Found in</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((item) => (
                    <TableRow key={item.caseId}>
                      <TableCell>
                        <CaseLink caseId={item.caseId} highRisk={item.highRisk} />
                        <br />
                        <span className={styles.muted}>{item.summary ?? item.kindLabel}</span>
                      </TableCell>
                      <TableCell>{`${item.kindLabel}: ${item.statePhrase}`}</TableCell>
                      <TableCell>
                        <RagBadge rag={item.rag} />
                      </TableCell>
                      <TableCell>{item.matchedOn.map((field) => FOUND_IN[field]).join(", ")}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
