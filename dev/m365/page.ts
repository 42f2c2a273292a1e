import type { Express, Response } from "express";
import type { StandInContext } from "./context.js";
import { escapeHtml } from "./html-escape.js";
import { extendedProperty, headerValue, type Recipient, type StoredMessage } from "./message.js";

/** The service's outbox marker, shown so a developer can match sent mail to its outbox entry. */
const OUTBOX_KEY_PROPERTY = "String {c3a1f2d4-6b7e-4e58-9a0b-1f2e3d4c5b6a} Name FcOutboxKey";

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:70rem}
h1{font-size:1.4rem}h2{font-size:1.2rem;margin-top:2.5rem}h3{font-size:1.05rem;margin-top:1.5rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}th{background:#f3f3f3}
pre{white-space:pre-wrap;background:#f7f7f7;padding:1rem;border:1px solid #ddd}a{color:#0b57a4}.muted{color:#666}`;

/** Hostile mail must not run script here: every value is escaped and the policy forbids scripts outright. */
function sendPage(res: Response, title: string, body: string): void {
  res
    .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
    .type("html")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`,
    );
}

const who = (r: Recipient | undefined): string =>
  r
    ? r.emailAddress.name && r.emailAddress.name !== r.emailAddress.address
      ? `${r.emailAddress.name} <${r.emailAddress.address}>`
      : r.emailAddress.address
    : "";

const outboxKey = (m: StoredMessage): string =>
  extendedProperty(m, OUTBOX_KEY_PROPERTY) ?? headerValue(m, "X-FC-Outbox-Key") ?? "";

function folderTable(messages: StoredMessage[]): string {
  if (messages.length === 0) return `<p class="muted">No messages.</p>`;
  const rows = messages
    .sort((a, b) => Date.parse(b.receivedDateTime) - Date.parse(a.receivedDateTime))
    .map(
      (m) =>
        `<tr><td>${escapeHtml(who(m.from))}</td><td>${escapeHtml(m.toRecipients.map(who).join(", "))}</td>` +
        `<td><a href="/_standin/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || "(no subject)")}</a></td>` +
        `<td>${escapeHtml(m.receivedDateTime)}</td><td>${escapeHtml(outboxKey(m))}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>From</th><th>To</th><th>Subject</th><th>Received</th><th>Outbox key</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** `/`: every mailbox at a glance, one section each; `/_standin/messages/:id`: one message, as text. */
export function registerPage(app: Express, context: StandInContext): void {
  const { all } = context.mailboxes;
  const anchor = (index: number): string => `mailbox-${index + 1}`;

  app.get("/", (_req, res) => {
    const contents = all
      .map(
        ({ address, store }, i) =>
          `<li><a href="#${anchor(i)}">${escapeHtml(address)}</a> <span class="muted">Inbox ${store.list("inbox").length}, ` +
          `Sent Items ${store.list("sentitems").length}</span></li>`,
      )
      .join("");
    const sections = all
      .map(
        ({ address, displayName, store }, i) =>
          `<section id="${anchor(i)}"><h2>${escapeHtml(displayName)} &lt;${escapeHtml(address)}&gt;</h2>` +
          `<h3>Inbox (${store.list("inbox").length})</h3>${folderTable(store.list("inbox"))}` +
          `<h3>Sent Items (${store.list("sentitems").length})</h3>${folderTable(store.list("sentitems"))}</section>`,
      )
      .join("");
    sendPage(
      res,
      `Stand-in mailboxes`,
      `<h1>Stand-in mailboxes</h1>` +
        `<p class="muted">Local Microsoft 365 stand-in. Graph at ${escapeHtml(context.origin())}/v1.0.</p>` +
        `<ul>${contents}</ul>${sections}`,
    );
  });

  app.get("/_standin/messages/:id", (req, res) => {
    const index = all.findIndex((mailbox) => mailbox.store.find(req.params.id));
    const mailbox = all[index];
    const m = mailbox?.store.find(req.params.id);
    if (!mailbox || !m) {
      res.status(404);
      sendPage(res, "Not found", `<h1>No such message</h1><p><a href="/">Back to the mailboxes</a></p>`);
      return;
    }
    const facts: [string, string][] = [
      ["Mailbox", mailbox.address],
      ["Folder", m.folder],
      ["From", who(m.from)],
      ["To", m.toRecipients.map(who).join(", ")],
      ["Cc", m.ccRecipients.map(who).join(", ")],
      ["Subject", m.subject],
      ["Received", m.receivedDateTime],
      ["Id", m.id],
      ["Conversation", m.conversationId],
      ["Outbox key", outboxKey(m)],
    ];
    const headers = m.internetMessageHeaders
      .map((h) => `<tr><th>${escapeHtml(h.name)}</th><td>${escapeHtml(h.value)}</td></tr>`)
      .join("");
    sendPage(
      res,
      m.subject || "(no subject)",
      `<p><a href="/#${anchor(index)}">Back to the mailbox</a></p><h1>${escapeHtml(m.subject || "(no subject)")}</h1>` +
        `<table>${facts.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("")}</table>` +
        `<h2>Body (as text)</h2><pre>${escapeHtml(m.bodyText)}</pre>` +
        `<h2>Attachments</h2>${m.attachments.length === 0 ? `<p class="muted">None.</p>` : `<ul>${m.attachments.map((a) => `<li>${escapeHtml(a.name)} (${escapeHtml(a.contentType)}, ${a.size} bytes)</li>`).join("")}</ul>`}` +
        `<h2>Internet headers</h2><table>${headers}</table>`,
    );
  });
}
