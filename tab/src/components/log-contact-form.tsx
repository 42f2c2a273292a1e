import type { CaseActionInputView } from "../../../src/api/contract.js";
import { useSession } from "../session.js";
import { ActionForm } from "./action-form.js";
import { Loaded } from "./loaded.js";
import { useSharedStyles } from "./styles.js";
import { useResource } from "./use-resource.js";

/** A contact that did not come by email (a call, a walk-in, a letter…), logged by the duty worker who took it. */
export function LogContactForm({ reload }: { reload: () => Promise<void> }) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [form] = useResource(() => api.contactForm(), "contact-form");
  return (
    <details className={styles.card}>
      <summary>Log a contact that did not come by email</summary>
      <Loaded resource={form} what="the contact form">
        {(data: { inputs: readonly CaseActionInputView[] }) => (
          <ActionForm
            name="Log a contact"
            inputs={data.inputs}
            submitLabel="Log the contact"
            send={(values) => api.logContact(values)}
            done="Contact logged: its case is on the queues."
            reload={reload}
          />
        )}
      </Loaded>
    </details>
  );
}
