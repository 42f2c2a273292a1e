import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { simpleParser, type AddressObject, type EmailAddress } from "mailparser";
import type { InboundMessage, MailAddress } from "../../src/domain/mail/inbound-message.js";

const FIXTURES = fileURLToPath(new URL("../../tests/fixtures/mail/", import.meta.url));

const addressesOf = (field: AddressObject | AddressObject[] | undefined): MailAddress[] =>
  (Array.isArray(field) ? field : field === undefined ? [] : [field])
    .flatMap((object) => object.value)
    .flatMap(function flatten(entry: EmailAddress): EmailAddress[] {
      return entry.group === undefined ? [entry] : entry.group.flatMap(flatten);
    })
    .filter((entry) => entry.address !== undefined && entry.address !== "")
    .map((entry) =>
      entry.name === "" ? { address: entry.address ?? "" } : { name: entry.name, address: entry.address ?? "" },
    );

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Roughly what Exchange gives for `Prefer: outlook.body-content-type="text"`: blocks on lines, cells split by " | ". */
export const htmlToText = (html: string): string =>
  html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(?:p|div|tr|h[1-6]|li|table|blockquote)\s*>/gi, "\n")
    .replace(/<\/t[dh]\s*>/gi, " | ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
      if (code.startsWith("#x") || code.startsWith("#X")) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith("#")) return String.fromCodePoint(parseInt(code.slice(1), 10));
      return ENTITIES[code.toLowerCase()] ?? entity;
    })
    .split("\n")
    .map((line) =>
      line
        .replace(/[ \t\u00a0]+/g, " ")
        .replace(/(?:\s*\|\s*)+$/, "")
        .trim(),
    )
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();

/**
 * Parses an .eml as the Graph adapter would present it: header names lower-cased with every value kept
 * (unfolded, not decoded), HTML-only bodies converted to text, attachments listed.
 */
export const parseEml = async (source: Buffer, id: string): Promise<InboundMessage> => {
  const parsed = await simpleParser(source, { skipImageLinks: true });
  const headers: Record<string, string[]> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line
      .slice(line.indexOf(":") + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim();
    (headers[key.toLowerCase()] ??= []).push(value);
  }
  if (parsed.date === undefined) throw new Error(`Fixture ${id} has no Date header.`);
  const hasTextPart = /^content-type:\s*text\/plain/im.test(source.toString("latin1"));
  const html = typeof parsed.html === "string" ? parsed.html : undefined;
  const [from] = addressesOf(parsed.from);
  const [sender] = addressesOf(parsed.headers.get("sender") as AddressObject | undefined);
  return {
    id,
    ...(parsed.messageId === undefined ? {} : { internetMessageId: parsed.messageId }),
    subject: parsed.subject ?? "",
    ...(from === undefined ? {} : { from }),
    ...(sender === undefined ? {} : { sender }),
    replyTo: addressesOf(parsed.replyTo),
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    receivedAt: parsed.date.toISOString(),
    headers,
    bodyText: hasTextPart || html === undefined ? (parsed.text ?? "") : htmlToText(html),
    ...(html === undefined ? {} : { bodyHtml: html }),
    attachments: parsed.attachments.map((attachment) => ({
      name: attachment.filename ?? "(unnamed)",
      contentType: attachment.contentType,
      size: attachment.size,
    })),
  };
};

/** Loads `tests/fixtures/mail/<file>`; the file name stands in for the Graph message id. */
export const loadEml = async (file: string): Promise<InboundMessage> =>
  parseEml(await readFile(`${FIXTURES}${file}`), file);
