import { createServer, request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  /** `http://127.0.0.1:<port>`: the one public URL every instance gives Graph (FC_PUBLIC_BASE_URL). */
  readonly url: string;
  close(): Promise<void>;
}

const body = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

/**
 * The load balancer in front of several service instances, as a deployment has one: each request goes to the next
 * instance in turn, and to the one after when an instance does not answer (it was killed). Development only: tests
 * and the bench use it so that Graph's notifications reach a live instance, whichever holds the mailbox.
 */
export async function startRoundRobinProxy(targets: () => readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const forward = (target: string, req: IncomingMessage, payload: Buffer) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const out = request(`${target}${req.url ?? "/"}`, { method: req.method, headers: req.headers }, resolve);
      out.on("error", reject);
      out.end(payload);
    });
  const server = createServer((req, res) => {
    void (async () => {
      const payload = await body(req);
      const all = targets();
      for (let tried = 0; tried < all.length; tried++) {
        const target = all[next++ % all.length] as string;
        try {
          const answer = await forward(target, req, payload);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        } catch {
          // Not answering: the next instance.
        }
      }
      res.writeHead(502).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
