import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { startStandIn, type StandIn, type StandInOptions } from "../../../dev/m365/stand-in.js";

export const MAILBOX = "familycentre@council.example";
export const SECOND_MAILBOX = "familycentre2@council.example";
export const OUTBOX_KEY_PROPERTY = "String {c3a1f2d4-6b7e-4e58-9a0b-1f2e3d4c5b6a} Name FcOutboxKey";
export const AUTO_SUBMITTED_PROPERTY = "String {00020386-0000-0000-C000-000000000046} Name Auto-Submitted";

export interface GraphAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown> & { value?: Record<string, unknown>[] };
  readonly text: string;
}

/** Calls the stand-in's Graph as the production adapter would: bearer token and ImmutableId on every request. */
export async function graph(
  standIn: StandIn,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {},
): Promise<GraphAnswer> {
  const url = path.startsWith("http") ? path : `${standIn.graphBaseUrl}/${path.replace(/^\//, "")}`;
  const token = options.token === undefined ? "local-dev-token" : options.token;
  const response = await fetch(url, {
    method,
    headers: {
      Prefer: 'IdType="ImmutableId"',
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  return { status: response.status, headers: response.headers, json: isJson ? JSON.parse(text) : {}, text };
}

/** A stand-in on free ports serving MAILBOX and SECOND_MAILBOX ("Family Centre North"). */
export const startTwoMailboxes = (options: StandInOptions = {}): Promise<StandIn> =>
  startStandIn({
    smtpPort: 0,
    graphPort: 0,
    mailboxes: [{ address: MAILBOX }, { address: SECOND_MAILBOX, displayName: "Family Centre North" }],
    ...options,
  });

/** A mailbox's Inbox as Graph lists it. */
export const inboxOf = (standIn: StandIn, address: string): Promise<GraphAnswer> =>
  graph(standIn, "GET", `users/${address}/mailFolders/inbox/messages`);

export const inbox = (query = "") => `users/${MAILBOX}/mailFolders/inbox/messages${query}`;

/** Sends mail over real SMTP to the stand-in. */
export async function sendSmtp(standIn: StandIn, mail: SendMailOptions): Promise<{ messageId: string }> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: standIn.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    return await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

/** Polls until the Inbox (the first mailbox's, or `address`'s) holds `count` messages (SMTP delivery completes just after the client's 250). */
export async function inboxHolds(standIn: StandIn, count: number, address?: string): Promise<void> {
  const store = address === undefined ? standIn.mailbox : standIn.mailboxFor(address);
  for (let i = 0; i < 100 && store.list("inbox").length < count; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface Received {
  readonly url: string;
  readonly body: string;
}

/** A tiny webhook endpoint: answers Graph's validation handshake and records what it is sent. */
export class Receiver {
  readonly received: Received[] = [];
  /** Status to answer notifications with (validation is always answered correctly unless `echoWrongToken`). */
  status = 202;
  echoWrongToken = false;
  private server: Server | undefined;
  url = "";

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  notifications(path: string): Record<string, unknown>[] {
    return this.received
      .filter((r) => r.url.startsWith(path) && !r.url.includes("validationToken"))
      .flatMap((r) => (JSON.parse(r.body) as { value: Record<string, unknown>[] }).value);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    this.received.push({ url: req.url ?? "", body });
    const token = new URL(req.url ?? "/", "http://x").searchParams.get("validationToken");
    if (token !== null) {
      res.writeHead(200, { "Content-Type": "text/plain" }).end(this.echoWrongToken ? "nope" : token);
      return;
    }
    res.writeHead(this.status).end();
  }
}
