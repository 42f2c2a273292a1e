import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { simpleParser, type AddressObject, type EmailAddress } from "mailparser";
import type { InboundMessage, MailAddress } from "../../src/domain/mail/inbound-message.js";
import { DEFAULT_BODY_LIMITS, readBody } from "../../src/graph/message-body.js";

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

/**
 * Parses an .eml as the Graph adapter would present it: header names lower-cased with every value kept
 * (unfolded, not decoded); the body as Exchange gives it (the HTML part when there is one, else the text) read by the
 * adapter's own reader, so HTML becomes text exactly as in the service; attachments listed.
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
    ...readBody(
      html === undefined ? { contentType: "text", content: parsed.text ?? "" } : { contentType: "html", content: html },
      DEFAULT_BODY_LIMITS,
    ),
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
