import type { InboundMessage } from "../domain/mail/inbound-message.js";
import { silentLogger, type Logger } from "../logging/logger.js";
import type { Reachable } from "../ports/health.js";
import type { DraftStatus, InboxPage, Mailbox, MailDraft, OutgoingMail, SentMail } from "../ports/mailbox.js";
import type { GraphClient } from "./graph-client.js";
import { readInboxDeltaPage } from "./inbox-delta.js";
import { MailSender } from "./mail-sending.js";
import { moveJunkToInbox, verifyReadable } from "./mailbox-folders.js";
import type { BodyLimits } from "./message-body.js";
import { MessageReader } from "./message-reader.js";
import { findByInternetMessageId } from "./message-finder.js";
import { withReturnedHeaders } from "./returned-headers.js";

export interface GraphMailboxOptions {
  /** The Family Centre mailbox: its user id (GUID) or address. */
  readonly mailbox: string;
  /** Messages per delta page. */
  readonly pageSize?: number;
  /** How many messages Graph returns from a filtered delta round at most (5,000; tests set it lower). */
  readonly filteredRoundCap?: number;
  readonly logger?: Logger;
  /** How much of each body is read (FC_MAX_HTML_BODY_CHARS, FC_MAX_TEXT_BODY_CHARS). */
  readonly bodyLimits?: BodyLimits;
}

/** `@` stays as it is: it is valid in a path, and Graph matches the subscription resource text as written. */
export const userPath = (mailbox: string): string => `users/${encodeURIComponent(mailbox).replace(/%40/g, "@")}`;

/** The Family Centre mailbox through Microsoft Graph: inbox sync, message reads and exactly-once sending. */
export class GraphMailbox implements Mailbox, Reachable {
  readonly #graph: GraphClient;
  readonly #userPath: string;
  readonly #pageSize: number;
  readonly #filteredRoundCap: number | undefined;
  readonly #log: Logger;
  readonly #reader: MessageReader;
  readonly #sender: MailSender;

  constructor(graph: GraphClient, options: GraphMailboxOptions) {
    this.#graph = graph;
    this.#userPath = userPath(options.mailbox);
    this.#pageSize = options.pageSize ?? 50;
    this.#filteredRoundCap = options.filteredRoundCap;
    this.#log = (options.logger ?? silentLogger).child({ component: "graph-mailbox" });
    this.#reader = new MessageReader(graph, this.#userPath, options.bodyLimits);
    this.#sender = new MailSender(graph, this.#userPath, this.#log);
  }

  async readInboxPage(link?: string, options: { readonly receivedSince?: string } = {}): Promise<InboxPage> {
    const read = await readInboxDeltaPage(
      this.#graph,
      this.#reader,
      this.#userPath,
      link,
      {
        pageSize: this.#pageSize,
        ...(this.#filteredRoundCap === undefined ? {} : { filteredRoundCap: this.#filteredRoundCap }),
        ...options,
      },
      this.#log,
    );
    const messages: InboundMessage[] = [];
    for (const message of read.messages) {
      messages.push(await withReturnedHeaders(this.#graph, (id) => this.#reader.messagePath(id), message));
    }
    const page = { ...read, messages };
    this.#log.info("graph.inbox.delta", {
      messages: page.messages.length,
      removed: page.removedIds.length,
      lastPage: !("page" in page.next),
      resynced: page.resynced,
    });
    return page;
  }

  getMessage(id: string): Promise<InboundMessage> {
    return this.#reader.getMessage(id);
  }

  findByInternetMessageId(internetMessageId: string): Promise<readonly string[]> {
    return findByInternetMessageId(this.#graph, this.#userPath, internetMessageId);
  }

  findSentByOutboxKey(outboxKey: string): Promise<SentMail | undefined> {
    return this.#sender.findSentByOutboxKey(outboxKey);
  }

  findDraftByOutboxKey(outboxKey: string): Promise<MailDraft | undefined> {
    return this.#sender.findDraftByOutboxKey(outboxKey);
  }

  createDraft(mail: OutgoingMail): Promise<MailDraft> {
    return this.#sender.createDraft(mail);
  }

  createReplyDraft(originalMessageId: string, mail: OutgoingMail): Promise<MailDraft> {
    return this.#sender.createReplyDraft(originalMessageId, mail);
  }

  sendDraft(draftId: string): Promise<void> {
    return this.#sender.sendDraft(draftId);
  }

  draftStatus(draftId: string): Promise<DraftStatus> {
    return this.#sender.draftStatus(draftId);
  }

  verifyReadable(): Promise<void> {
    return verifyReadable(this.#graph, this.#userPath);
  }

  async moveJunkToInbox(receivedSince: string, limit: number): Promise<number> {
    const moved = await moveJunkToInbox(this.#graph, this.#userPath, receivedSince, limit);
    if (moved > 0) this.#log.info("graph.junk.moved", { moved });
    return moved;
  }

  /** Readiness: the Inbox folder's id only, which proves the token, the mailbox scope and the network in one read. */
  async ping(): Promise<void> {
    await this.#graph.get(`${this.#userPath}/mailFolders/inbox?$select=id`, { operation: "check the mailbox answers" });
  }
}
