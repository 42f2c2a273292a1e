import { MailboxNotReadableError } from "../ports/mailbox.js";
import { GraphMailboxError } from "./errors.js";
import type { GraphClient } from "./graph-client.js";

const CHECK = "check the Family Centre mailbox";
const SWEEP = "move junk mail into the Family Centre Inbox";

/**
 * Whether Graph serves the mailbox as `users/{address}`: its Inbox is read (Mail.Read is all it needs; reading the
 * user object would need User.Read.All). A group's address, an unknown one or an on-premises mailbox is answered 404
 * (or `MailboxNotEnabledForRESTAPI`); anything else (no permission, Graph unreachable) is the usual typed error.
 */
export async function verifyReadable(graph: GraphClient, userPath: string): Promise<void> {
  try {
    await graph.get(`${userPath}/mailFolders/inbox?$select=id`, { operation: CHECK, resource: "mailbox" });
  } catch (error) {
    if (!(error instanceof GraphMailboxError)) throw error;
    const notAMailbox = error.code === "GRAPH.NOT_FOUND" || error.graphCode === "MailboxNotEnabledForRESTAPI";
    if (notAMailbox) throw new MailboxNotReadableError(`HTTP ${error.status}, ${error.graphCode ?? "no code"}`);
    throw error;
  }
}

/** Moves what Junk Email holds from `receivedSince` into the Inbox, oldest first, at most `limit`. */
export async function moveJunkToInbox(
  graph: GraphClient,
  userPath: string,
  receivedSince: string,
  limit: number,
): Promise<number> {
  const filter = encodeURIComponent(`receivedDateTime ge ${new Date(receivedSince).toISOString()}`);
  const page = await graph.get<{ value?: ReadonlyArray<{ id: string }> }>(
    `${userPath}/mailFolders/junkemail/messages?$filter=${filter}&$orderby=${encodeURIComponent("receivedDateTime asc")}` +
      `&$select=id&$top=${limit}`,
    { operation: SWEEP, resource: "Junk Email folder" },
  );
  let moved = 0;
  for (const { id } of page.value ?? []) {
    try {
      await graph.post(
        `${userPath}/messages/${encodeURIComponent(id)}/move`,
        { destinationId: "inbox" },
        {
          operation: SWEEP,
          resource: `message ${id}`,
        },
      );
      moved++;
    } catch (error) {
      // Moved or deleted by a person meanwhile: nothing left to sweep.
      if (!(error instanceof GraphMailboxError && error.code === "GRAPH.NOT_FOUND")) throw error;
    }
  }
  return moved;
}
