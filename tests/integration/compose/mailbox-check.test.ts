import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../../dev/azurite.js";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { startService } from "../../../src/compose/start-service.js";
import { ConfigError, loadConfig } from "../../../src/compose/config.js";
import { silentLogger } from "../../../src/logging/logger.js";

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0, mailbox: "familycentre@council.example" });
});
afterAll(() => standIn.close());

describe("start-up checks the configured mailbox", () => {
  it("refuses to start on an address Graph does not serve as a mailbox (a Microsoft 365 Group's), saying what to do", async () => {
    const port = await freePort();
    const config = loadConfig({
      FC_MODE: "local",
      FC_PORT: String(port),
      FC_PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      FC_GRAPH_BASE_URL: standIn.graphBaseUrl,
      FC_STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"),
      FC_TABLE_PREFIX: "CMailboxCheck",
      FC_MAILBOX: "familycentre-group@council.example",
    });
    const start = startService(config, { logger: silentLogger });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/FC_MAILBOX is not a mailbox[\s\S]*Microsoft 365 Group[\s\S]*shared mailbox/);
    expect(standIn.stats().requests["POST /subscriptions"]).toBeUndefined();
  });
});
