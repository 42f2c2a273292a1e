import {
  Badge,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { AcknowledgementStatus, TriageItem } from "../../../src/api/contract.js";
import { CaseLink } from "../components/case-link.js";
import { formatInstant } from "../components/format.js";
import { LoadMoreButton } from "../components/load-more.js";
import { LogContactForm } from "../components/log-contact-form.js";
import { Loaded } from "../components/loaded.js";
import { ReferrerCell } from "../components/referrer-cell.js";
import { useSharedStyles } from "../components/styles.js";
import { usePagedResource } from "../components/use-paged-resource.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";
import { HeldTeamsMessages } from "./held-teams-messages.js";
import { SetAsideMail } from "./set-aside-mail.js";

const ACKNOWLEDGEMENT: Record<AcknowledgementStatus, string> = {
  "not-required": "Not required",
  held: "Held",
  pending: "Waiting to send",
  drafted: "Being sent",
  sent: "Sent",
  "not-delivered": "Returned undelivered",
  failed: "Failed to send",
  none: "None yet",
};

const DUTY: readonly string[] = ["duty-worker", "manager"];

const UNSENT: ReadonlySet<AcknowledgementStatus> = new Set(["failed", "not-delivered"]);

/** Where the county has a shared Front Door address: how many of its emails wait for any centre's duty worker. */
function CountyTriageWaiting() {
  const { centres } = useSession();
  const county = centres?.mine.frontDoor === true ? centres.county : undefined;
  const [queue] = useResource(
    () => (county ? county.countyTriage() : Promise.resolve({ data: { items: [], centres: [] } })),
    "county-triage-waiting",
  );
  if (queue.status !== "ready") return null;
  const waiting = queue.data.items.filter((item) => item.waiting).length;
  if (waiting === 0) return null;
  const more = queue.data.continuation === undefined ? "" : " or more";
  return (
    <p>
      Emails to the county Front Door address waiting for a centre to be chosen: {waiting}
      {more}. <Link href="#/county-triage">Open County triage</Link>.
    </p>
  );
}

/** New contacts for the duty worker: classification, the referrer to confirm, and whether rule 1.2 is met. */
export function TriageView() {
  const { api, me } = useSession();
  const styles = useSharedStyles();
  const logsContacts = me.roles.some((role) => role === "duty-worker" || role === "manager");
  const [triage, reload, more] = usePagedResource(
    (next) => api.triage(next),
    (page) => page.items,
    "triage",
  );
  return (
    <section className={styles.stack}>
      <ViewHeading>Triage queue</ViewHeading>
      {logsContacts ? <CountyTriageWaiting /> : null}
      {logsContacts ? <LogContactForm reload={reload} /> : null}
      <Loaded resource={triage} what="the triage queue">
        {(data) =>
          data.items.length === 0 ? (
            <p>No new contacts are waiting for triage.</p>
          ) : (
            <>
              <Table>
                <caption className={styles.caption}>New contacts, oldest first ({data.items.length})</caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Case</TableHeaderCell>
                    <TableHeaderCell>Received</TableHeaderCell>
                    <TableHeaderCell>Classification</TableHeaderCell>
                    <TableHeaderCell>Referrer</TableHeaderCell>
                    <TableHeaderCell>Acknowledgement</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((item) => (
                    <TriageRow key={item.contactId} item={item} reload={reload} />
                  ))}
                </TableBody>
              </Table>
              <LoadMoreButton more={more} what="contacts" shown={data.items.length} />
            </>
          )
        }
      </Loaded>
      <HeldTeamsMessages />
      {me.roles.some((role) => DUTY.includes(role)) ? <SetAsideMail /> : null}
    </section>
  );
}

function TriageRow({ item, reload }: { item: TriageItem; reload: () => Promise<void> }) {
  const styles = useSharedStyles();
  return (
    <TableRow>
      <TableCell>
        <CaseLink caseId={item.caseId} highRisk={item.highRisk} />
        <br />
        <span className={styles.muted}>{item.summary ?? item.statePhrase}</span>
      </TableCell>
      <TableCell>{formatInstant(item.receivedAt)}</TableCell>
      <TableCell>
        {item.classification.kindLabel}
        {item.classification.reasons.length > 0 ? (
          <span className={styles.muted}> ({item.classification.reasons.join("; ")})</span>
        ) : null}
      </TableCell>
      <TableCell>
        <ReferrerCell item={item} reload={reload} />
      </TableCell>
      <TableCell>
        <Badge appearance="tint" color={UNSENT.has(item.acknowledgement.status) ? "danger" : "informative"}>
          {ACKNOWLEDGEMENT[item.acknowledgement.status]}
        </Badge>
      </TableCell>
    </TableRow>
  );
}
