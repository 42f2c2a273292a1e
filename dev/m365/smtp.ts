import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { StoredMessage } from "./message.js";

/** Exchange Online's default message size limit is 35 MB; larger mail is refused at DATA. */
const SIZE_LIMIT_BYTES = 35 * 1024 * 1024;

/**
 * An SMTP server that hands every message, with its envelope's recipients (RCPT TO), to `deliver`.
 * Local only: no auth, no TLS, bound to the loopback host.
 */
export async function startSmtp(options: {
  host: string;
  port: number;
  /** Delivers into the mailboxes the recipients name; resolves to the messages stored. */
  deliver: (raw: Buffer, recipients: readonly string[]) => Promise<readonly StoredMessage[]>;
  log: (line: string) => void;
}): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    hideSTARTTLS: true,
    size: SIZE_LIMIT_BYTES,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error("Message exceeds the 35 MB size limit"), { responseCode: 552 }));
          return;
        }
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        options.deliver(Buffer.concat(chunks), recipients).then(
          (messages) => {
            for (const message of messages) options.log(`smtp delivered message ${message.id}`);
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error("delivery failed")),
        );
      });
    },
  });
  server.on("error", (error) => options.log(`smtp error: ${error.name}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
