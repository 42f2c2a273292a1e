import { Button, Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import { useSession } from "../session.js";
import { ActionFeedback } from "./action-feedback.js";
import { useSharedStyles } from "./styles.js";
import { useAction } from "./use-action.js";

/**
 * A duty worker's two ways to log an email from the Family Centre mailbox: as a new contact, or on a case it is about.
 * The Outlook pane offers them for the open email, the triage page for each email the service set aside.
 */
export function LogOrLinkMail({
  messageId,
  reload,
  linkLabel = "Link to this case",
}: {
  messageId: string;
  reload: () => Promise<void>;
  linkLabel?: string;
}) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [caseId, setCaseId] = useState("");
  const { busy, error, warnings, run } = useAction(reload);
  return (
    <div className={styles.stack}>
      <div>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => void run(() => api.logMail({ messageId }), "Email logged as a new contact.")}
        >
          Log as a new contact
        </Button>
      </div>
      <form
        aria-label="Link this email to a case"
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => api.linkMail({ messageId, caseId: caseId.trim() }), `Email linked to ${caseId.trim()}.`);
        }}
      >
        <Field label="Case number">
          <Input value={caseId} placeholder="FC-2026-000123" onChange={(_, d) => setCaseId(d.value)} />
        </Field>
        <Button type="submit" disabled={busy || caseId.trim() === ""}>
          {linkLabel}
        </Button>
      </form>
      <ActionFeedback error={error} warnings={warnings} />
    </div>
  );
}
