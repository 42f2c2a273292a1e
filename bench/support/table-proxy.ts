import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Table operations seen, by kind. A `$batch` (one entity-group transaction) is one operation, as Azure bills it. */
export interface TableOpCounts {
  readonly total: number;
  readonly byKind: Readonly<Record<string, number>>;
  /** By table and kind (`Outbox query`): a `$batch` names no table in its URL, so it is `batch`. */
  readonly byTable: Readonly<Record<string, number>>;
  /**
   * Queries by reach: within one partition (Azure's cost follows the rows read) or across partitions (a scan).
   * Azurite scans its whole table for either, so their cost on Azurite grows with the table, not with what we ask.
   */
  readonly queries: { readonly onePartition: number; readonly acrossPartitions: number };
}

export interface TableProxy {
  readonly port: number;
  /** The connection string that sends the service's table traffic through this proxy. */
  readonly connectionString: string;
  counts(): TableOpCounts;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A counting HTTP proxy between the service and Azurite. Shared Key signatures cover the account and path, not the
 * host, so requests pass through unchanged.
 */
export async function startTableProxy(target: { port: number; connectionString: string }): Promise<TableProxy> {
  let byKind: Record<string, number> = {};
  let byTable: Record<string, number> = {};
  let queries = { onePartition: 0, acrossPartitions: 0 };
  let total = 0;
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    const kind = operationKind(req.method ?? "GET", url);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    const table = kind === "batch" ? "batch" : `${tableOf(url)} ${kind}`;
    byTable[table] = (byTable[table] ?? 0) + 1;
    if (kind === "query") queries[queryReach(url)] += 1;
    total += 1;
    const upstream = request(
      { host: "127.0.0.1", port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  };
  const server = createServer(forward);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    connectionString: target.connectionString.replace(`127.0.0.1:${target.port}`, `127.0.0.1:${port}`),
    counts: () => ({ total, byKind: { ...byKind }, byTable: { ...byTable }, queries: { ...queries } }),
    reset: () => {
      byKind = {};
      byTable = {};
      queries = { onePartition: 0, acrossPartitions: 0 };
      total = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `GET query`, `GET point`, `POST insert`, `PUT update`, `MERGE merge`, `DELETE delete`, `POST $batch`, … */
export function operationKind(method: string, url: string): string {
  const path = url.split("?")[0] ?? "";
  if (path.endsWith("$batch")) return "batch";
  if (/\/Tables(\(|$|\/?$)/.test(path)) return `table ${method.toLowerCase()}`;
  const point = /\(PartitionKey=.*RowKey=.*\)$/.test(decodeURIComponent(path));
  switch (method.toUpperCase()) {
    case "GET":
      return point ? "read" : "query";
    case "POST":
      return "insert";
    case "PUT":
      return "upsert/replace";
    case "MERGE":
    case "PATCH":
      return "merge";
    case "DELETE":
      return "delete";
    default:
      return method.toLowerCase();
  }
}

/** The table a request names (`/account/Cases(…)` → `Cases`). */
export function tableOf(url: string): string {
  const path = decodeURIComponent(url.split("?")[0] ?? "");
  return /^\/[^/]+\/([A-Za-z0-9]+)/.exec(path)?.[1] ?? "?";
}

/** A query whose filter names one partition (`PartitionKey eq …`) stays in it; any other filter spans partitions. */
export function queryReach(url: string): "onePartition" | "acrossPartitions" {
  const filter = new URLSearchParams(url.split("?")[1] ?? "").get("$filter") ?? "";
  return /PartitionKey eq '/.test(filter) ? "onePartition" : "acrossPartitions";
}
