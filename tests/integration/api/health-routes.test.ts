import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startAzurite, type RunningAzurite } from "../../../dev/azurite.js";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { loadConfig } from "../../../src/compose/config.js";
import { silentLogger } from "../../../src/logging/logger.js";
import { startService, type RunningService } from "../../../src/compose/start-service.js";
import { eventually, GROUP_MAILBOX } from "../../support/local-stack.js";

// Its own Azurite and stand-in, since this test stops them.
let azurite: RunningAzurite;
let standIn: StandIn;
let service: RunningService;

beforeAll(async () => {
  azurite = await startAzurite();
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0, mailbox: GROUP_MAILBOX, seed: 3 });
  const port = await freePort();
  const config = loadConfig({
    FC_MODE: "local",
    FC_PORT: String(port),
    FC_PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    FC_GRAPH_BASE_URL: standIn.graphBaseUrl,
    FC_STORAGE_CONNECTION_STRING: azurite.connectionString,
  });
  service = await startService(config, { logger: silentLogger });
});

afterAll(async () => {
  // Its leases cannot be released once Azurite has gone; they lapse by themselves.
  await service?.close().catch(() => undefined);
  await standIn?.close();
  await azurite?.stop();
});

const get = async (path: string) => {
  const response = await fetch(`${service.url}${path}`);
  return { status: response.status, text: await response.text() };
};

describe("GET /healthz and /readyz", () => {
  it("answers ready, without signing in, once the tables, Graph and the inbox subscription are all there", async () => {
    const ready = await eventually(async () => {
      const answer = await get("/readyz");
      expect(answer.status).toBe(200);
      return answer;
    });
    expect(JSON.parse(ready.text)).toEqual({
      status: "ready",
      checks: { storage: "ok", graph: "ok", subscription: "ok", leases: "ok" },
    });
    expect(await get("/healthz")).toEqual({ status: 200, text: JSON.stringify({ status: "ok" }) });
  });

  it("reveals no address, host, port or id in its answers", async () => {
    const bodies = [(await get("/readyz")).text, (await get("/healthz")).text].join("\n");
    expect(bodies).not.toMatch(/@|127\.0\.0\.1|localhost|devstoreaccount1|sub-|[0-9a-f]{8}-[0-9a-f]{4}/i);
    expect(bodies).not.toContain(String(azurite.port));
  });

  it("answers 503 naming Graph when the mailbox stops answering", async () => {
    await standIn.close();
    const answer = await get("/readyz");
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.text)).toMatchObject({ status: "not-ready", checks: { graph: "unreachable" } });
  });

  it("answers 503 naming storage once Azurite is stopped, while /healthz still says the process is alive", async () => {
    await azurite.stop();
    const answer = await get("/readyz");
    expect(answer.status).toBe(503);
    const body = JSON.parse(answer.text) as { checks: Record<string, string> };
    expect(body.checks.storage).toMatch(/^(unreachable|timed-out)$/);
    expect(body.checks.leases).toMatch(/^(unreachable|timed-out)$/);
    expect(body.checks.subscription).toBe("not-checked");
    expect((await get("/healthz")).status).toBe(200);
  });
});
