import { simpleParser, type AddressObject, type EmailAddress as ParsedAddress, type ParsedMail } from "mailparser";
import { exchangeHtml, exchangeText } from "./exchange-body.js";
import type { HeaderField, ItemBody, Recipient, StoredAttachment } from "./message.js";

/** What a raw message says about itself; the mailbox adds id, folder, thread and times. */
export interface ParsedMessage {
  readonly internetMessageId?: string;
  readonly subject: string;
  readonly from?: Recipient;
  readonly sender?: Recipient;
  readonly toRecipients: Recipient[];
  readonly ccRecipients: Recipient[];
  readonly replyTo: Recipient[];
  readonly sentAt?: Date;
  readonly importance: "low" | "normal" | "high";
  readonly body: ItemBody;
  readonly bodyText: string;
  readonly uniqueText: string;
  readonly internetMessageHeaders: HeaderField[];
  readonly references: string[];
  readonly attachments: Omit<StoredAttachment, "id">[];
}

/**
 * Parses raw MIME the way Exchange presents it through Graph. Never throws: a message mailparser cannot read
 * is kept with whatever headers are legible and the raw text as its body, because a malformed referral is still
 * a referral.
 */
export async function parseMime(raw: Buffer): Promise<ParsedMessage> {
  try {
    return fromParsed(await simpleParser(raw, { skipImageLinks: true }));
  } catch {
    return unreadable(raw, await legibleHeaders(raw));
  }
}

/** Exchange still shows who sent a message whose body it cannot read: parse the header block on its own. */
async function legibleHeaders(raw: Buffer): Promise<ParsedMail | undefined> {
  const crlf = raw.indexOf("\r\n\r\n");
  const split = crlf >= 0 ? crlf : raw.indexOf("\n\n");
  if (split < 0) return undefined;
  try {
    return await simpleParser(Buffer.concat([raw.subarray(0, split), Buffer.from("\r\n\r\n")]));
  } catch {
    return undefined;
  }
}

/**
 * How much of an HTML body the stand-in turns into text for previews, the page and uniqueBody: Exchange's preview is
 * 255 characters, and a hostile body must not hold up the stand-in. A client asking for text gets the whole body.
 */
const PREVIEW_SOURCE_CHARS = 64 * 1024;

function fromParsed(mail: ParsedMail): ParsedMessage {
  const html = typeof mail.html === "string" ? mail.html : undefined;
  const bodyText = html === undefined ? (mail.text ?? "") : exchangeText(html.slice(0, PREVIEW_SOURCE_CHARS));
  const from = recipients(mail.from)[0];
  const senderHeader = mail.headers.get("sender");
  const sender = isAddressObject(senderHeader) ? recipients(senderHeader)[0] : from;
  const internetMessageHeaders = mail.headerLines.map((h) => headerField(h.line));
  return {
    internetMessageId: mail.messageId,
    subject: mail.subject ?? "",
    from,
    sender,
    toRecipients: recipients(mail.to),
    ccRecipients: recipients(mail.cc),
    replyTo: recipients(mail.replyTo),
    sentAt: mail.date,
    importance: importanceOf(internetMessageHeaders),
    // Exchange keeps the HTML part (never the sender's text alternative) and gives HTML as HTML.
    body:
      html === undefined
        ? { contentType: "text", content: bodyText }
        : { contentType: "html", content: exchangeHtml(html) },
    bodyText,
    uniqueText: withoutQuotedHistory(bodyText),
    internetMessageHeaders,
    references: [...new Set([...toList(mail.inReplyTo), ...toList(mail.references)])],
    attachments: mail.attachments.map((a) => ({
      kind: a.contentType.toLowerCase() === "message/rfc822" ? ("item" as const) : ("file" as const),
      name: a.filename ?? attachedSubject(a.content) ?? "attachment",
      contentType: a.contentType,
      size: a.size,
      isInline: a.contentDisposition === "inline",
      contentId: a.contentId,
      contentBytes: a.content.toString("base64"),
    })),
  };
}

/** An attached message is named for its subject, as Outlook names an item attachment. */
function attachedSubject(content: Buffer): string | undefined {
  return /^Subject:[ \t]*(.+)$/im.exec(content.subarray(0, 64 * 1024).toString("utf8"))?.[1]?.trim();
}

function unreadable(raw: Buffer, legible: ParsedMail | undefined): ParsedMessage {
  const text = raw.toString("utf8");
  const split = text.search(/\r?\n\r?\n/);
  const head = split < 0 ? "" : text.slice(0, split);
  const headers = head
    .split(/\r?\n(?![ \t])/)
    .filter((line) => line.includes(":"))
    .map(headerField);
  const body = split < 0 ? text : text.slice(split).trim();
  const from = recipients(legible?.from)[0];
  return {
    subject: legible?.subject ?? headers.find((h) => h.name.toLowerCase() === "subject")?.value ?? "",
    ...(from ? { from, sender: from } : {}),
    ...(legible?.messageId ? { internetMessageId: legible.messageId } : {}),
    toRecipients: recipients(legible?.to),
    ccRecipients: recipients(legible?.cc),
    replyTo: recipients(legible?.replyTo),
    importance: "normal",
    body: { contentType: "text", content: body },
    bodyText: body,
    uniqueText: body,
    internetMessageHeaders: headers,
    references: [],
    attachments: [],
  };
}

/** Graph lists each header line as `{name, value}`, unfolded. */
function headerField(line: string): HeaderField {
  const colon = line.indexOf(":");
  return {
    name: line.slice(0, colon).trim(),
    value: line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim(),
  };
}

function recipients(field: AddressObject | AddressObject[] | undefined): Recipient[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((o) => flatten(o.value));
}

function flatten(addresses: ParsedAddress[]): Recipient[] {
  return addresses.flatMap((a) =>
    a.group ? flatten(a.group) : a.address ? [{ emailAddress: { name: a.name || a.address, address: a.address } }] : [],
  );
}

function isAddressObject(value: unknown): value is AddressObject {
  return typeof value === "object" && value !== null && Array.isArray((value as AddressObject).value);
}

/** Importance as Exchange reads it: the Importance header, else X-Priority (1–2 high, 4–5 low). */
function importanceOf(headers: readonly HeaderField[]): "low" | "normal" | "high" {
  const named = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
  const importance = (named("importance") ?? "").toLowerCase();
  if (importance === "high" || importance === "low") return importance;
  const priority = Number.parseInt(named("x-priority") ?? "3", 10);
  return priority <= 2 ? "high" : priority >= 4 ? "low" : "normal";
}

const toList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/).filter(Boolean);

/** Cuts the quoted history Outlook and other clients append, leaving what this message adds. */
export function withoutQuotedHistory(text: string): string {
  const markers = [/^-{2,}\s*Original Message\s*-{2,}/im, /^From: .+\r?\n(Sent|Date): /im, /^On .+wrote:\s*$/im, /^>/m];
  const cut = Math.min(...markers.map((m) => text.search(m)).filter((i) => i >= 0), text.length);
  return text.slice(0, cut).trim();
}
