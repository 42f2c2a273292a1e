import { Button, Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import type { ReferrerView } from "../../../src/api/contract.js";
import { useSession } from "../session.js";
import { ActionFeedback } from "./action-feedback.js";
import { useSharedStyles } from "./styles.js";
import { useAction } from "./use-action.js";

export interface ReferrerTarget {
  readonly caseId: string;
  readonly contactId: string;
  readonly etag: string;
  readonly referrer?: ReferrerView;
}

/** The referrer as found; when unsure, the duty worker confirms (or corrects) who the original referrer is (1.2). */
export function ReferrerCell({ item, reload }: { item: ReferrerTarget; reload: () => Promise<void> }) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [name, setName] = useState(item.referrer?.name ?? "");
  const [email, setEmail] = useState(item.referrer?.email ?? "");
  const { busy, error, warnings, run } = useAction(reload);
  const who = [item.referrer?.name, item.referrer?.email, item.referrer?.organisation].filter(Boolean).join(", ");
  if (item.referrer?.confirmed) return <span>{who} (confirmed)</span>;
  return (
    <form
      aria-label={`Confirm the referrer for ${item.caseId}`}
      className={styles.stack}
      onSubmit={(event) => {
        event.preventDefault();
        void run(
          () =>
            api.confirmReferrer(
              item.caseId,
              {
                contactId: item.contactId,
                ...(name.trim() === "" ? {} : { name: name.trim() }),
                ...(email.trim() === "" ? {} : { email: email.trim() }),
              },
              item.etag,
            ),
          `Referrer confirmed for ${item.caseId}.`,
        );
      }}
    >
      <span className={styles.muted}>{who === "" ? "Not found" : who} (to confirm)</span>
      <Field label="Referrer's name" size="small">
        <Input size="small" value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label="Referrer's email" size="small">
        <Input size="small" type="email" value={email} onChange={(_, data) => setEmail(data.value)} />
      </Field>
      <div>
        <Button size="small" type="submit" disabled={busy || email.trim() === ""}>
          Confirm referrer
        </Button>
      </div>
      <ActionFeedback error={error} warnings={warnings} />
    </form>
  );
}
