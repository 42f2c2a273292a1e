import { Button, Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import type { MailLookupResponse } from "../../../src/api/contract.js";
import { ActionFeedback } from "../components/action-feedback.js";
import { CaseLink } from "../components/case-link.js";
import { ClockTable } from "../components/clock-table.js";
import { Loaded } from "../components/loaded.js";
import { RagBadge } from "../components/rag-badge.js";
import { ReferrerCell } from "../components/referrer-cell.js";
import { useSharedStyles } from "../components/styles.js";
import { useAction } from "../components/use-action.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

const STATE: Record<NonNullable<MailLookupResponse["state"]>, string> = {
  claimed: "is being logged by the service now",
  logged: "was logged as a contact",
  ignored: "was not logged",
  quarantined: "was set aside for an administrator to look at",
};

const DUTY = ["duty-worker", "manager"];

/** For the open email: was it logged, on which case, with which clocks; a duty worker can log or link it. */
export function OutlookPane({ internetMessageId }: { internetMessageId: string | undefined }) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [lookup, reload] = useResource(
    () => api.mailLookup(internetMessageId ?? ""),
    `mail~${internetMessageId ?? ""}`,
  );
  if (internetMessageId === undefined) return <p>Open an email to see whether the Family Centre has logged it.</p>;
  return (
    <section className={styles.stack}>
      <ViewHeading>This email</ViewHeading>
      <Loaded resource={lookup} what="what the Family Centre knows about this email">
        {(data) => <Found found={data} reload={reload} />}
      </Loaded>
    </section>
  );
}

function Found({ found, reload }: { found: MailLookupResponse; reload: () => Promise<void> }) {
  const { me } = useSession();
  const styles = useSharedStyles();
  const isDuty = me.roles.some((role) => DUTY.includes(role));
  const item = found.case;
  return (
    <>
      <p>
        This email {found.state ? STATE[found.state] : "has not been logged"}
        {found.reason ? ` (${found.reason})` : ""}.
      </p>
      {item ? (
        <>
          <p>
            Case <CaseLink caseId={item.caseId} highRisk={item.highRisk} />: {item.kindLabel}, {item.statePhrase}.{" "}
            <RagBadge rag={item.rag} />
          </p>
          <ClockTable clocks={item.clocks} caption={`Clocks for ${item.caseId}`} />
          {isDuty && found.contactId ? (
            <>
              <h3 className={styles.subheading}>Referrer</h3>
              <ReferrerCell
                item={{ caseId: item.caseId, contactId: found.contactId, etag: item.etag }}
                reload={reload}
              />
            </>
          ) : null}
        </>
      ) : null}
      {isDuty && !found.logged ? (
        found.state === "ignored" || found.state === "quarantined" ? (
          <p>If it is a request for support, ask an administrator to log it: it cannot be logged from here.</p>
        ) : (
          <LogOrLink messageId={found.messageId} reload={reload} />
        )
      ) : null}
    </>
  );
}

function LogOrLink({ messageId, reload }: { messageId: string | undefined; reload: () => Promise<void> }) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [caseId, setCaseId] = useState("");
  const { busy, error, warnings, run } = useAction(reload);
  if (messageId === undefined)
    return <p>The Family Centre mailbox has not received this email yet, so it cannot be logged from here.</p>;
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
          Link to this case
        </Button>
      </form>
      <ActionFeedback error={error} warnings={warnings} />
    </div>
  );
}
