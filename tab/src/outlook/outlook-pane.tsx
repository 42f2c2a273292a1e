import type { MailLookupResponse } from "../../../src/api/contract.js";
import { CaseLink } from "../components/case-link.js";
import { CentreSwitcher } from "../components/centre-switcher.js";
import { LogOrLinkMail } from "../components/log-or-link-mail.js";
import { ClockTable } from "../components/clock-table.js";
import { Loaded } from "../components/loaded.js";
import { RagBadge } from "../components/rag-badge.js";
import { ReferrerCell } from "../components/referrer-cell.js";
import { useSharedStyles } from "../components/styles.js";
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
  const { api, centres } = useSession();
  const styles = useSharedStyles();
  const [lookup, reload] = useResource(
    () => api.mailLookup(internetMessageId ?? ""),
    `mail~${internetMessageId ?? ""}`,
  );
  if (internetMessageId === undefined) return <p>Open an email to see whether the Family Centre has logged it.</p>;
  return (
    <section className={styles.stack}>
      {/* Someone in several centres reads each one's mailbox: the pane asks the centre chosen here. */}
      {centres ? <CentreSwitcher choice={centres} /> : null}
      <ViewHeading>This email</ViewHeading>
      <Loaded resource={lookup} what="what the Family Centre knows about this email">
        {(data) => <Found found={data} reload={reload} />}
      </Loaded>
    </section>
  );
}

function Found({ found, reload }: { found: MailLookupResponse; reload: () => Promise<void> }) {
  const { me, centres } = useSession();
  const styles = useSharedStyles();
  const isDuty = me.roles.some((role) => DUTY.includes(role));
  const item = found.case;
  const here = centres?.mine.centres.find((c) => c.id === centres.current);
  if (found.messageId === undefined && here !== undefined && (centres?.mine.centres.length ?? 0) > 1) {
    return (
      <p>
        This email is not in {here.name}'s mailbox. If it was sent to another of your centres, choose that centre above.
      </p>
    );
  }
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
        <>
          {found.state === "ignored" || found.state === "quarantined" ? (
            <p>If it is a request for support after all, log it: your name is recorded with it.</p>
          ) : null}
          <LogOrLink messageId={found.messageId} reload={reload} />
        </>
      ) : null}
    </>
  );
}

function LogOrLink({ messageId, reload }: { messageId: string | undefined; reload: () => Promise<void> }) {
  if (messageId === undefined)
    return <p>The Family Centre mailbox has not received this email yet, so it cannot be logged from here.</p>;
  return <LogOrLinkMail messageId={messageId} reload={reload} />;
}
