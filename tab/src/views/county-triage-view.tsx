import {
  Badge,
  Button,
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import type { CountyTriageItem, CountyTriageMail } from "../../../src/api/contract.js";
import type { CountyApi } from "../api/fc-api.js";
import { ActionFeedback } from "../components/action-feedback.js";
import { formatInstant } from "../components/format.js";
import { LoadMoreButton } from "../components/load-more.js";
import { Loaded } from "../components/loaded.js";
import { useSharedStyles } from "../components/styles.js";
import { useAction } from "../components/use-action.js";
import { usePagedResource } from "../components/use-paged-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

type Centre = { readonly id: string; readonly name: string };

/**
 * Issue 21 §4: mail to the county's shared Front Door address that the area rule could not place (no postcode or
 * school named, none covering it, or several), and mail set aside as not a referral, for any centre's duty worker to
 * read and send to its centre. The list names no one; reading an email is audited.
 */
export function CountyTriageView() {
  const { centres } = useSession();
  const styles = useSharedStyles();
  const county = centres?.county;
  const [list, reload, more] = usePagedResource(
    (next) => (county ? county.countyTriage(next) : Promise.reject(new Error("The county's views are not open here."))),
    (page) => page.items,
    "county-triage",
  );
  return (
    <section className={styles.stack}>
      <ViewHeading>County triage</ViewHeading>
      <Loaded resource={list} what="the county triage queue">
        {(data) => {
          if (county === undefined) return <p>The county's views are not open here.</p>;
          const rows = (items: readonly CountyTriageItem[]) =>
            items.map((item) => (
              <TriageRow
                key={item.messageId}
                item={item}
                centres={data.first.centres}
                county={county}
                reload={reload}
              />
            ));
          const waiting = data.items.filter((item) => item.waiting);
          const setAside = data.items.filter((item) => !item.waiting);
          return (
            <>
              {waiting.length === 0 ? (
                <p>No Front Door email is waiting for a centre.</p>
              ) : (
                <QueueTable caption={`Front Door emails waiting for a centre, newest first (${waiting.length})`}>
                  {rows(waiting)}
                </QueueTable>
              )}
              {setAside.length === 0 ? null : (
                <QueueTable
                  caption={`Set aside as not a referral (automatic replies and the like), newest first (${setAside.length})`}
                >
                  {rows(setAside)}
                </QueueTable>
              )}
              <LoadMoreButton more={more} what="emails" shown={data.items.length} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function QueueTable({ caption, children }: { caption: string; children: ReactNode }) {
  const styles = useSharedStyles();
  return (
    <Table>
      <caption className={styles.caption}>{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Received</TableHeaderCell>
          <TableHeaderCell>Why it is here</TableHeaderCell>
          <TableHeaderCell>Sender's domain</TableHeaderCell>
          <TableHeaderCell>Send to a centre</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}

function TriageRow({
  item,
  centres,
  county,
  reload,
}: {
  item: CountyTriageItem;
  centres: readonly Centre[];
  county: CountyApi;
  reload: () => Promise<void>;
}) {
  const styles = useSharedStyles();
  const [centre, setCentre] = useState(item.routing?.centre ?? centres[0]?.id ?? "");
  const [mail, setMail] = useState<CountyTriageMail | undefined>(undefined);
  const reading = useAction(async () => undefined);
  const routing = useAction(reload);
  const name = (id: string) => centres.find((c) => c.id === id)?.name ?? id;
  const received = formatInstant(item.receivedAt);
  return (
    <TableRow>
      <TableCell>{received}</TableCell>
      <TableCell>
        <Badge appearance="tint" color={item.state === "quarantined" ? "danger" : "informative"}>
          {item.state === "quarantined" ? "Quarantined" : item.waiting ? "Waiting" : "Set aside"}
        </Badge>{" "}
        {item.reasonLabel}
        {item.routing ? (
          <p>
            Being sent to {name(item.routing.centre)}
            {item.routing.personName ? ` by ${item.routing.personName}` : ""}: send it there again to finish.
          </p>
        ) : null}
      </TableCell>
      <TableCell>{item.senderDomain ?? "—"}</TableCell>
      <TableCell>
        <div className={styles.stack}>
          {mail === undefined ? (
            <div>
              <Button
                disabled={reading.busy}
                aria-label={`Read the email received ${received}`}
                onClick={() =>
                  void reading.run(async () => {
                    const read = await county.countyTriageMail(item.messageId);
                    setMail(read.data);
                    return read;
                  }, "Email opened below.")
                }
              >
                Read the email
              </Button>
            </div>
          ) : (
            <article aria-label={`The email received ${received}`}>
              <p>
                <strong>{mail.subject}</strong>
                {mail.from ? ` — from ${mail.from}` : ""}
              </p>
              <pre className={styles.preformatted} tabIndex={0}>
                {mail.bodyText}
              </pre>
            </article>
          )}
          <ActionFeedback error={reading.error} warnings={[]} />
          <form
            aria-label={`Send the email received ${received} to a centre`}
            className={styles.row}
            onSubmit={(event) => {
              event.preventDefault();
              void routing.run(
                () => county.routeFrontDoorMail(item.messageId, { centre }),
                `Email sent to ${name(centre)}, logged there as a contact.`,
              );
            }}
          >
            <Field label="Centre">
              <Select value={centre} onChange={(_, d) => setCentre(d.value)}>
                {centres.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" appearance="primary" disabled={routing.busy || centre === ""}>
              Send to this centre
            </Button>
          </form>
          <ActionFeedback error={routing.error} warnings={routing.warnings} />
        </div>
      </TableCell>
    </TableRow>
  );
}
