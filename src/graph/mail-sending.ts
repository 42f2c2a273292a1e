import type { MailAddress } from "../domain/mail/inbound-message.js";
import type { Logger } from "../logging/logger.js";
import type { DraftStatus, MailDraft, OutgoingMail, SentMail } from "../ports/mailbox.js";
import { GraphMailboxError } from "./errors.js";
import type { GraphClient } from "./graph-client.js";
import type { GraphMessage } from "./graph-message.js";

/** Our marker on every mail we send: the outbox key, findable in Sent Items after a crash. */
export const OUTBOX_KEY_PROPERTY = "String {c3a1f2d4-6b7e-4e58-9a0b-1f2e3d4c5b6a} Name FcOutboxKey";
/** PS_INTERNET_HEADERS: a named string property in this set goes out as an internet header of that name. */
const internetHeader = (name: string): string => `String {00020386-0000-0000-C000-000000000046} Name ${name}`;
/** The only way to set a header not starting with `X-` (Graph refuses those in internetMessageHeaders). */
export const AUTO_SUBMITTED_PROPERTY = internetHeader("Auto-Submitted");

const SEND = "send mail from the Family Centre mailbox";

interface MarkerProperty {
  readonly id: string;
  readonly value: string;
}

const recipients = (addresses: readonly MailAddress[]) =>
  addresses.map(({ name, address }) => ({ emailAddress: name ? { name, address } : { address } }));

/** Writable message properties of our mail: recipients, body, the marker and the autoreply etiquette. */
export const draftBody = (mail: OutgoingMail): Record<string, unknown> => ({
  ...(mail.subject !== undefined ? { subject: mail.subject } : {}),
  body:
    mail.bodyHtml !== undefined
      ? { contentType: "HTML", content: mail.bodyHtml }
      : { contentType: "Text", content: mail.bodyText ?? "" },
  toRecipients: recipients(mail.to),
  ...(mail.cc ? { ccRecipients: recipients(mail.cc) } : {}),
  singleValueExtendedProperties: [
    { id: OUTBOX_KEY_PROPERTY, value: mail.outboxKey },
    { id: AUTO_SUBMITTED_PROPERTY, value: "auto-replied" },
  ],
  // Graph takes internetMessageHeaders only when the message is created, and only names starting with X-.
  internetMessageHeaders: [
    { name: "X-FC-Outbox-Key", value: mail.outboxKey },
    { name: "X-Auto-Response-Suppress", value: "All" },
  ],
});

/**
 * The marker and etiquette put on a draft afterwards: the X- headers go as internet-header properties, because
 * internetMessageHeaders can be set only when a message is created.
 */
const markerPatch = (outboxKey: string): Record<string, unknown> => ({
  singleValueExtendedProperties: [
    { id: OUTBOX_KEY_PROPERTY, value: outboxKey },
    { id: AUTO_SUBMITTED_PROPERTY, value: "auto-replied" },
    { id: internetHeader("X-FC-Outbox-Key"), value: outboxKey },
    { id: internetHeader("X-Auto-Response-Suppress"), value: "All" },
  ],
});

/** OData string literal: single quotes doubled. */
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export const markerFilter = (outboxKey: string): string =>
  `singleValueExtendedProperties/Any(ep: ep/id eq ${literal(OUTBOX_KEY_PROPERTY)} and ep/value eq ${literal(outboxKey)})`;

/** The outbox's transport: draft, send and confirm through Graph, each step findable again by the marker. */
export class MailSender {
  #drafts: Promise<string> | undefined;

  constructor(
    private readonly graph: GraphClient,
    private readonly userPath: string,
    private readonly log: Logger,
  ) {}

  async findSentByOutboxKey(outboxKey: string): Promise<SentMail | undefined> {
    const found = await this.#findInFolder("sentitems", outboxKey);
    if (!found) return undefined;
    const sentAt = found.sentDateTime ? new Date(found.sentDateTime) : this.graph.now();
    return { id: found.id, sentAt: sentAt.toISOString() };
  }

  async findDraftByOutboxKey(outboxKey: string): Promise<MailDraft | undefined> {
    const found = await this.#findInFolder("drafts", outboxKey);
    return found ? { id: found.id } : undefined;
  }

  async createDraft(mail: OutgoingMail): Promise<MailDraft> {
    const draft = await this.graph.post<GraphMessage>(`${this.userPath}/messages`, draftBody(mail), {
      operation: SEND,
    });
    return this.#drafted(draft);
  }

  /**
   * A reply in the original's thread. Graph documents createReply's `message` for the writable properties only, not
   * for extended properties or headers: the draft is checked for our marker and given it when it lacks it, so that
   * the letter can always be found again and its bounces and echoes recognised.
   */
  async createReplyDraft(originalMessageId: string, mail: OutgoingMail): Promise<MailDraft> {
    const created = await this.graph.post<GraphMessage>(
      `${this.userPath}/messages/${encodeURIComponent(originalMessageId)}/createReply`,
      { message: draftBody(mail) },
      { operation: SEND, resource: `message ${originalMessageId} to reply to` },
    );
    const draft = this.#drafted(created);
    const resource = `draft ${draft.id}`;
    const expand = encodeURIComponent(`singleValueExtendedProperties($filter=id eq ${literal(OUTBOX_KEY_PROPERTY)})`);
    const read = await this.graph.get<GraphMessage & { singleValueExtendedProperties?: MarkerProperty[] }>(
      `${this.#messagePath(draft.id)}?$select=id&$expand=${expand}`,
      { operation: SEND, resource },
    );
    if (!read.singleValueExtendedProperties?.some((p) => p.value === mail.outboxKey)) {
      await this.graph.patch(this.#messagePath(draft.id), markerPatch(mail.outboxKey), { operation: SEND, resource });
      this.log.warn("graph.mail.marker-added", { draftId: draft.id });
    }
    return draft;
  }

  /** Where a draft handed to Exchange is now: still a draft in Drafts, sent, gone (404) or moved elsewhere. */
  async draftStatus(draftId: string): Promise<DraftStatus> {
    let found: GraphMessage & { parentFolderId?: string | null };
    try {
      found = await this.graph.get(`${this.#messagePath(draftId)}?$select=id,isDraft,parentFolderId`, {
        operation: SEND,
        resource: `draft ${draftId}`,
      });
    } catch (error) {
      if (error instanceof GraphMailboxError && error.code === "GRAPH.NOT_FOUND") return "missing";
      throw error;
    }
    if (found.isDraft === false) return "sent";
    return found.parentFolderId === (await this.#draftsFolderId()) ? "draft" : "elsewhere";
  }

  async sendDraft(draftId: string): Promise<void> {
    await this.graph.post(`${this.#messagePath(draftId)}/send`, undefined, {
      operation: SEND,
      resource: `draft ${draftId}`,
    });
  }

  async #findInFolder(folder: "drafts" | "sentitems", outboxKey: string): Promise<GraphMessage | undefined> {
    const query = `$filter=${encodeURIComponent(markerFilter(outboxKey))}&$select=id,sentDateTime,isDraft&$top=1`;
    const page = await this.graph.get<{ value?: GraphMessage[] }>(
      `${this.userPath}/mailFolders/${folder}/messages?${query}`,
      { operation: SEND },
    );
    return page.value?.[0];
  }

  #messagePath(id: string): string {
    return `${this.userPath}/messages/${encodeURIComponent(id)}`;
  }

  /** The Drafts folder's id, read once: a message's parentFolderId is an id, never the well-known name. */
  #draftsFolderId(): Promise<string> {
    this.#drafts ??= this.graph
      .get<{ id: string }>(`${this.userPath}/mailFolders/drafts?$select=id`, { operation: SEND })
      .then((folder) => folder.id);
    this.#drafts.catch(() => (this.#drafts = undefined));
    return this.#drafts;
  }

  #drafted(draft: GraphMessage | undefined): MailDraft {
    if (!draft?.id)
      throw new GraphMailboxError("GRAPH.REQUEST_FAILED", "Microsoft Graph created a draft but returned no id.");
    this.log.info("graph.mail.drafted", { draftId: draft.id });
    return { id: draft.id };
  }
}
