import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { SetAsideMailItem } from "../../../src/api/contract.js";
import { formatInstant } from "../components/format.js";
import { LoadMoreButton } from "../components/load-more.js";
import { Loaded } from "../components/loaded.js";
import { LogOrLinkMail } from "../components/log-or-link-mail.js";
import { useSharedStyles } from "../components/styles.js";
import { usePagedResource } from "../components/use-paged-resource.js";
import { useSession } from "../session.js";

/**
 * Issue 19 §5: every email the service ignored or quarantined, newest first, so none is lost from sight: why, when,
 * and the sender's domain only (no names or addresses in a list). A duty worker can log any as a contact or attach it
 * to a case; their name is recorded on the case.
 */
export function SetAsideMail() {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [list, reload, more] = usePagedResource(
    (next) => api.setAsideMail(next),
    (page) => page.items,
    "set-aside-mail",
  );
  return (
    <section className={styles.stack} aria-labelledby="set-aside-heading">
      <h2 id="set-aside-heading" className={styles.subheading}>
        Ignored and quarantined
      </h2>
      <Loaded resource={list} what="the ignored and quarantined mail">
        {(data) =>
          data.items.length === 0 ? (
            <p>The service has set no email aside.</p>
          ) : (
            <>
              <Table>
                <caption className={styles.caption}>
                  Emails the service did not log, newest first ({data.items.length})
                </caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Received</TableHeaderCell>
                    <TableHeaderCell>Why</TableHeaderCell>
                    <TableHeaderCell>Sender's domain</TableHeaderCell>
                    <TableHeaderCell>Log it after all</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((item) => (
                    <SetAsideRow key={item.messageId} item={item} reload={reload} />
                  ))}
                </TableBody>
              </Table>
              <LoadMoreButton more={more} what="emails" shown={data.items.length} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function SetAsideRow({ item, reload }: { item: SetAsideMailItem; reload: () => Promise<void> }) {
  return (
    <TableRow>
      <TableCell>{formatInstant(item.receivedAt)}</TableCell>
      <TableCell>
        <Badge appearance="tint" color={item.state === "quarantined" ? "danger" : "informative"}>
          {item.state === "quarantined" ? "Quarantined" : "Ignored"}
        </Badge>{" "}
        {item.reasonLabel}
      </TableCell>
      <TableCell>{item.senderDomain ?? "—"}</TableCell>
      <TableCell>
        <LogOrLinkMail messageId={item.messageId} reload={reload} linkLabel="Attach to this case" />
      </TableCell>
    </TableRow>
  );
}
