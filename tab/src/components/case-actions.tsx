import type { CaseDetail } from "../../../src/api/contract.js";
import { useSession } from "../session.js";
import { ActionForm } from "./action-form.js";
import { useSharedStyles } from "./styles.js";

/** What the person may do on the case now, each as its own form: exactly the service's `actions`, nothing more. */
export function CaseActions({ detail, reload }: { detail: CaseDetail; reload: () => Promise<void> }) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const caseId = detail.case.caseId;
  if (detail.actions.length === 0) return <p>There is nothing for you to record on this case now.</p>;
  return (
    <section aria-label={`What you can do on ${caseId}`} className={styles.stack}>
      <h3 className={styles.subheading}>What you can do</h3>
      {detail.actions.map((action) => (
        <details key={action.id} className={styles.card}>
          <summary>
            {action.label}
            {action.rules.length > 0 ? (
              <span className={styles.muted}>{` (rules ${action.rules.join(", ")})`}</span>
            ) : null}
          </summary>
          <ActionForm
            name={`${action.label} on ${caseId}`}
            inputs={action.inputs}
            submitLabel={action.label}
            askWhen
            send={(values) => api.takeAction(action.path, values, detail.etag)}
            done={`${action.label}: recorded on ${caseId}.`}
            reload={reload}
          />
        </details>
      ))}
    </section>
  );
}
