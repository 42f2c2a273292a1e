import { CaseLink } from "../components/case-link.js";
import { ClockTable } from "../components/clock-table.js";
import { LoadMoreButton } from "../components/load-more.js";
import { Loaded } from "../components/loaded.js";
import { RagBadge } from "../components/rag-badge.js";
import { useSharedStyles } from "../components/styles.js";
import { usePagedResource } from "../components/use-paged-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

/**
 * The practitioner's own cases, red first (the API sorts them), each clock with its rule and citation; what to record
 * on a case is on its page, from the case's own actions.
 */
export function MyCasesView() {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [cases, , more] = usePagedResource(
    (next) => api.myCases(next),
    (page) => page.items,
    "my-cases",
  );
  return (
    <section className={styles.stack}>
      <ViewHeading>My cases</ViewHeading>
      <Loaded resource={cases} what="your cases">
        {(data) =>
          data.items.length === 0 ? (
            <p>You have no open cases.</p>
          ) : (
            <>
              <ol aria-label="My cases, most urgent first" className={styles.stack}>
                {data.items.map((item) => (
                  <li key={item.caseId} className={styles.card}>
                    <h3 className={styles.subheading}>
                      <CaseLink caseId={item.caseId} highRisk={item.highRisk} /> {item.kindLabel}{" "}
                      <RagBadge rag={item.rag} />
                    </h3>
                    <p className={styles.muted}>
                      {item.summary ?? ""} The case {item.statePhrase}.
                    </p>
                    <ClockTable clocks={item.clocks} caption={`Clocks for ${item.caseId}`} />
                  </li>
                ))}
              </ol>
              <LoadMoreButton more={more} what="cases" shown={data.items.length} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}
