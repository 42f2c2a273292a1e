import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { HeldTeamsMessageView } from "../../../src/api/contract.js";
import { ActionFeedback } from "../components/action-feedback.js";
import { CaseLink } from "../components/case-link.js";
import { formatInstant } from "../components/format.js";
import { LoadMoreButton } from "../components/load-more.js";
import { ProblemBar } from "../components/problem-bar.js";
import { useSharedStyles } from "../components/styles.js";
import { useAction } from "../components/use-action.js";
import { usePagedResource } from "../components/use-paged-resource.js";
import { useSession } from "../session.js";

/**
 * Teams messages the bot could not send and holds for a person (a chat not chosen or removed, someone without the
 * app, a message Teams refuses), each with why and what puts it right; shown on the triage page only when there are
 * any. "Try again" puts one back on the queue once its cause is fixed.
 */
export function HeldTeamsMessages() {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [held, reload, more] = usePagedResource(
    (next) => api.heldTeamsMessages(next),
    (page) => page.items,
    "held-teams-messages",
  );
  if (held.status === "failed") return <ProblemBar error={held.error} />;
  if (held.status === "loading" || held.data.items.length === 0) return null;
  return (
    <section className={styles.stack} aria-labelledby="held-teams-messages">
      <h3 id="held-teams-messages">Teams messages held</h3>
      <Table>
        <caption className={styles.caption}>
          Not sent to Teams, each with why ({held.data.items.length}); try one again once its cause is put right
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>What</TableHeaderCell>
            <TableHeaderCell>To</TableHeaderCell>
            <TableHeaderCell>Held since</TableHeaderCell>
            <TableHeaderCell>Why</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {held.data.items.map((message) => (
            <HeldRow key={`${message.partition}|${message.key}`} message={message} reload={reload} />
          ))}
        </TableBody>
      </Table>
      <LoadMoreButton more={more} what="held messages" shown={held.data.items.length} />
    </section>
  );
}

function HeldRow({ message, reload }: { message: HeldTeamsMessageView; reload: () => Promise<void> }) {
  const { api } = useSession();
  const { busy, error, warnings, run } = useAction(reload);
  return (
    <TableRow>
      <TableCell>
        {message.what}
        {message.caseId ? (
          <>
            {" "}
            (<CaseLink caseId={message.caseId} />)
          </>
        ) : null}
      </TableCell>
      <TableCell>{message.to}</TableCell>
      <TableCell>{formatInstant(message.heldSince)}</TableCell>
      <TableCell>{message.reason}</TableCell>
      <TableCell>
        <Button
          size="small"
          disabled={busy}
          aria-label={`Try again: ${message.what} to ${message.to}`}
          onClick={() =>
            void run(
              () => api.retryTeamsMessage({ partition: message.partition, key: message.key }),
              `${message.what} to ${message.to} goes on the next round.`,
            )
          }
        >
          Try again
        </Button>
        <ActionFeedback error={error} warnings={warnings} />
      </TableCell>
    </TableRow>
  );
}
