import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { badRequest, GraphError } from "./errors.js";
import { graphInstant, type IdIssuer } from "./graph-format.js";
import { escapeHtml } from "./html-escape.js";
import type { MailboxStore } from "./mailbox-store.js";
import { INTERNET_HEADERS_PROPERTY_SET, type Recipient, type StoredMessage, sameAddress } from "./message.js";
import { withoutQuotedHistory } from "./parse-mime.js";
import type { WritableMessage } from "./writable-message.js";

/** Drafts, replies and sending, as Graph's message actions do them for one mailbox. */
export class Composer {
  constructor(
    private readonly store: MailboxStore,
    private readonly ids: IdIssuer,
    private readonly now: () => Date,
    /** How long the next sent message takes to reach Sent Items (the faults decide). */
    private readonly sentItemsDelay: () => number,
    /** The served mailbox at an address (this one included), where Exchange delivers mail sent to it. */
    private readonly storeAt: (address: string) => MailboxStore | undefined,
  ) {}

  /** `POST users/{id}/messages`: a new draft. */
  createDraft(fields: WritableMessage, thread?: { conversationId: string; references: string[] }): StoredMessage {
    const at = graphInstant(this.now());
    const mailbox: Recipient = { emailAddress: { name: this.store.displayName, address: this.store.address } };
    const text = fields.body?.contentType === "html" ? htmlToText(fields.body.content) : (fields.body?.content ?? "");
    return this.store.addDraft({
      id: this.ids.messageId(),
      internetMessageId: `<${this.ids.token()}@standin.local>`,
      conversationId: thread?.conversationId ?? this.ids.conversationId(),
      subject: fields.subject ?? "",
      from: mailbox,
      sender: mailbox,
      toRecipients: fields.toRecipients ?? [],
      ccRecipients: fields.ccRecipients ?? [],
      bccRecipients: fields.bccRecipients ?? [],
      replyTo: fields.replyTo ?? [],
      createdDateTime: at,
      lastModifiedDateTime: at,
      receivedDateTime: at,
      importance: fields.importance ?? "normal",
      isRead: true,
      isDraft: true,
      body: fields.body ?? { contentType: "text", content: "" },
      bodyText: text,
      uniqueText: withoutQuotedHistory(text),
      internetMessageHeaders: fields.internetMessageHeaders ?? [],
      references: thread?.references ?? [],
      attachments: [],
      singleValueExtendedProperties: fields.singleValueExtendedProperties ?? [],
    });
  }

  /** `POST .../messages/{id}/createReply`: a draft in the original's conversation, addressed to its sender. */
  createReply(originalId: string, fields: WritableMessage, comment: string | undefined): StoredMessage {
    const original = this.store.get(originalId);
    const replyTo = original.replyTo.length > 0 ? original.replyTo : original.from ? [original.from] : [];
    const subject = /^re:/i.test(original.subject) ? original.subject : `RE: ${original.subject}`;
    const body = fields.body ?? { contentType: "html" as const, content: quotedReply(original, comment ?? "") };
    return this.createDraft(
      { subject, toRecipients: replyTo, ...fields, body },
      { conversationId: original.conversationId, references: [...original.references, original.internetMessageId] },
    );
  }

  /** `PATCH .../messages/{id}`: only the properties Graph lets a client update. */
  patch(id: string, fields: WritableMessage): StoredMessage {
    const current = this.store.get(id);
    if (fields.internetMessageHeaders) {
      throw badRequest(
        "ErrorInvalidPropertyUpdate",
        "internetMessageHeaders can only be set when the message is created (POST messages, createReply, sendMail).",
      );
    }
    if (!current.isDraft && (fields.subject !== undefined || fields.body !== undefined || fields.replyTo)) {
      throw badRequest(
        "ErrorInvalidPropertyUpdate",
        "subject, body and replyTo are updatable only while isDraft = true.",
      );
    }
    return this.store.update(id, (m) => {
      if (fields.subject !== undefined) m.subject = fields.subject;
      if (fields.body) {
        m.body = fields.body;
        m.bodyText = fields.body.contentType === "html" ? htmlToText(fields.body.content) : fields.body.content;
        m.uniqueText = withoutQuotedHistory(m.bodyText);
      }
      if (fields.toRecipients) m.toRecipients = fields.toRecipients;
      if (fields.ccRecipients) m.ccRecipients = fields.ccRecipients;
      if (fields.bccRecipients) m.bccRecipients = fields.bccRecipients;
      if (fields.replyTo) m.replyTo = fields.replyTo;
      if (fields.importance) m.importance = fields.importance;
      if (fields.isRead !== undefined) m.isRead = fields.isRead;
      for (const property of fields.singleValueExtendedProperties ?? []) {
        m.singleValueExtendedProperties = [
          ...m.singleValueExtendedProperties.filter((p) => !sameAddress(p.id, property.id)),
          property,
        ];
      }
    });
  }

  /**
   * `POST .../messages/{id}/send`: the draft goes to Sent Items keeping its immutable id, at once or after the
   * transport's delay (meanwhile still in Drafts, then in no folder). A draft sent again while on its way goes out
   * twice, as it would from Exchange. A served mailbox among the recipients (this one too, so loop detection can be
   * tested) gets a copy in its Inbox, as Exchange delivers internal mail; other recipients are only logged.
   */
  async send(id: string, options: { readonly immediate?: boolean } = {}): Promise<void> {
    const transit = this.store.transitOf(id);
    const draft = this.store.get(id);
    if (transit) {
      transit.sends += 1;
      return;
    }
    if (!draft.isDraft)
      throw new GraphError(400, "ErrorInvalidOperation", "Only a draft can be sent; this message was already sent.");
    if ([...draft.toRecipients, ...draft.ccRecipients, ...draft.bccRecipients].length === 0) {
      throw badRequest("ErrorInvalidRecipients", "At least one recipient is not valid: the message has no recipients.");
    }
    const raw = await toMime(draft);
    const delay = options.immediate ? 0 : this.sentItemsDelay();
    if (delay <= 0) return this.arrive(id, raw, 1);
    this.store.beginTransit(id, delay, (sends) => void this.arrive(id, raw, sends));
  }

  /** `POST users/{id}/sendMail`: create and send in one step. */
  async sendMail(fields: WritableMessage, saveToSentItems: boolean): Promise<void> {
    const draft = this.createDraft(fields);
    await this.send(draft.id, { immediate: true });
    if (!saveToSentItems) this.store.update(draft.id, (m) => (m.folder = "deleteditems"));
  }

  /** The message reaches Sent Items, and its recipients, once for each time it was sent. */
  private async arrive(id: string, raw: Buffer, sends: number): Promise<void> {
    const at = graphInstant(this.now());
    const sent = this.store.update(id, (m) => {
      m.folder = "sentitems";
      m.isDraft = false;
      m.sentDateTime = at;
      m.receivedDateTime = at;
      m.raw = raw;
    });
    const copies = [sent];
    for (let n = 1; n < sends; n += 1) {
      const { id: _id, changeKey: _key, conversationIndex: _index, folder: _folder, ...fields } = sent;
      const twin = this.store.addDraft({ ...fields, id: this.ids.messageId() });
      copies.push(this.store.update(twin.id, (m) => (m.folder = "sentitems")));
    }
    const recipients = [...sent.toRecipients, ...sent.ccRecipients, ...sent.bccRecipients];
    const others = recipients.filter((r) => !this.storeAt(r.emailAddress.address));
    const served = new Set(recipients.flatMap((r) => this.storeAt(r.emailAddress.address) ?? []));
    for (const copy of copies) {
      if (others.length > 0) this.store.recordOutbound(copy, others);
      for (const store of served) await store.deliver(raw);
    }
  }
}

/** The internet headers a sent message carries: its X- headers and any PS_INTERNET_HEADERS named properties. */
function outgoingHeaders(message: StoredMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of message.internetMessageHeaders) headers[h.name] = h.value;
  for (const p of message.singleValueExtendedProperties) {
    const named = /^String\s+(\{[^}]+\})\s+Name\s+(\S+)$/i.exec(p.id.trim());
    if (named?.[1]?.toLowerCase() === INTERNET_HEADERS_PROPERTY_SET && named[2]) headers[named[2]] = p.value;
  }
  return headers;
}

const mimeAddress = ({ emailAddress: { name, address } }: Recipient) =>
  name && name !== address ? { name, address } : address;

async function toMime(message: StoredMessage): Promise<Buffer> {
  const headers = outgoingHeaders(message);
  const composer = new MailComposer({
    from: message.from ? mimeAddress(message.from) : undefined,
    to: message.toRecipients.map(mimeAddress),
    cc: message.ccRecipients.map(mimeAddress),
    replyTo: message.replyTo.map(mimeAddress),
    subject: message.subject,
    messageId: message.internetMessageId,
    inReplyTo: message.references.at(-1),
    references: message.references,
    headers,
    ...(message.body.contentType === "html" ? { html: message.body.content } : { text: message.body.content }),
  });
  return withHeaderNamesAsWritten(await composer.compile().build(), Object.keys(headers));
}

/** nodemailer re-cases header names (X-FC-Outbox-Key → X-Fc-Outbox-Key); Exchange keeps them as the client wrote them. */
function withHeaderNamesAsWritten(raw: Buffer, names: readonly string[]): Buffer {
  const text = raw.toString("utf8");
  const split = text.indexOf("\r\n\r\n");
  let head = text.slice(0, split);
  for (const name of names) {
    head = head.replace(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:`, "gim"), `${name}:`);
  }
  return Buffer.from(head + text.slice(split), "utf8");
}

function quotedReply(original: StoredMessage, comment: string): string {
  const from = original.from?.emailAddress;
  const quoted =
    original.body.contentType === "html" ? original.body.content : `<pre>${escapeHtml(original.body.content)}</pre>`;
  return [
    `<html><body><div>${escapeHtml(comment)}</div><hr>`,
    `<div id="divRplyFwdMsg"><b>From:</b> ${escapeHtml(from ? `${from.name} <${from.address}>` : "")}<br>`,
    `<b>Sent:</b> ${escapeHtml(original.sentDateTime ?? original.receivedDateTime)}<br>`,
    `<b>Subject:</b> ${escapeHtml(original.subject)}</div>`,
    quoted,
    "</body></html>",
  ].join("");
}

/** Just enough HTML-to-text for previews of drafts the service writes. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|tr|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}
