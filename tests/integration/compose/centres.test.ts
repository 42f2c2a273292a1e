import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../../dev/azurite.js";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { loadConfig } from "../../../src/compose/config.js";
import { startService, type RunningService } from "../../../src/compose/start-service.js";
import { createLogger } from "../../../src/logging/logger.js";
import { eventually, FIXTURES } from "../../support/local-stack.js";

const FIRST = "familycentre@council.example";
const SECOND = "familycentre2@council.example";

let standIn: StandIn;
let service: RunningService;

beforeAll(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0, mailboxes: [{ address: FIRST }, { address: SECOND }] });
  const port = await freePort();
  const config = loadConfig({
    FC_MODE: "local",
    FC_PORT: String(port),
    FC_PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    FC_GRAPH_BASE_URL: standIn.graphBaseUrl,
    FC_STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"),
    FC_TABLE_PREFIX: `Ct${randomBytes(5).toString("hex")}`,
    FC_LOCAL_CENTRES: "2",
    FC_DEMO: "off",
  });
  service = await startService(config, { logger: createLogger(() => undefined) });
}, 60_000);

afterAll(async () => {
  await service?.close();
  await standIn?.close();
});

async function sendTo(mailbox: string, fixture: string): Promise<void> {
  const smtp = createTransport({ host: "127.0.0.1", port: standIn.smtpPort, secure: false, ignoreTLS: true });
  try {
    const raw = readFileSync(join(FIXTURES, fixture), "utf8").replace(
      /^Message-ID: .*$/m,
      `Message-ID: <${randomBytes(8).toString("hex")}@example.org>`,
    );
    await smtp.sendMail({ envelope: { from: "sender@example.org", to: [mailbox] }, raw });
  } finally {
    smtp.close();
  }
}

/** Issue 21: each centre its own pipeline — its mailbox read into its own tables, its letters sent from its mailbox. */
describe("two centres on one deployment", () => {
  it("logs each centre's mail in its own tables only and acknowledges it from its own mailbox", async () => {
    const [north, south] = service.centres;
    expect(service.centres.map((c) => c.centre.id)).toEqual(["main", "centre2"]);
    await sendTo(SECOND, "rfs-gp-surgery.eml");
    await service.syncNow();

    await eventually(async () => {
      expect((await south?.store.worklists.list("awaiting-screening"))?.items).toHaveLength(1);
    });
    expect((await north?.store.worklists.list("awaiting-screening"))?.items).toEqual([]);
    await eventually(async () => expect(standIn.mailboxFor(SECOND).outbound.length).toBe(1));
    expect(standIn.mailboxFor(FIRST).outbound).toEqual([]);
    // Each centre read its own mailbox, through its own Graph client.
    expect(standIn.statsFor(FIRST).requestsTotal).toBeGreaterThan(0);
  }, 60_000);

  it("answers each centre's API at /api/centres/<id>/…, and 404 for a centre it does not serve", async () => {
    const unknown = await fetch(`${service.url}/api/centres/elsewhere/cases`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: "API.NOT_FOUND", message: "No such Family Centre is served here." },
    });
    // Each centre's API checks the caller before anything is read.
    expect((await fetch(`${service.url}/api/centres/centre2/triage`)).status).toBe(401);
  });

  it("is ready only when every centre's tables, mailbox and subscription are", async () => {
    await eventually(async () => {
      const ready = await fetch(`${service.url}/readyz`);
      expect(await ready.json()).toMatchObject({ status: "ready" });
    });
  });
});
