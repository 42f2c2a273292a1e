import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { MailboxStore } from "./mailbox-store.js";

/** Exchange Online's default message size limit is 35 MB; larger mail is refused at DATA. */
const SIZE_LIMIT_BYTES = 35 * 1024 * 1024;

/**
 * An SMTP server that delivers any message, whatever its recipients, into the group mailbox's Inbox.
 * Local only: no auth, no TLS, bound to the loopback host.
 */
export async function startSmtp(
  store: MailboxStore,
  options: { host: string; port: number; onDelivered: () => void; log: (line: string) => void },
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    hideSTARTTLS: true,
    size: SIZE_LIMIT_BYTES,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error("Message exceeds the 35 MB size limit"), { responseCode: 552 }));
          return;
        }
        store.deliver(Buffer.concat(chunks)).then(
          (message) => {
            options.log(`smtp delivered message ${message.id}`);
            options.onDelivered();
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
