import type { ChildProcess } from "node:child_process";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../../dev/azurite.js";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { startRoundRobinProxy, type RoundRobinProxy } from "../../../dev/round-robin-proxy.js";
import { loadConfig } from "../../../src/compose/config.js";
import { createCountyStore, type CountyStore } from "../../../src/store/county-store.js";
import { eventually } from "../../support/local-stack.js";
import { acknowledgedIn, referralFrom } from "../../support/referrals.js";
import { exited, startServiceProcess } from "../../support/service-process.js";

const CENTRES = 20;
const PREFIX = "ETwenty";
const BASE = { FC_MODE: "local", FC_LOCAL_CENTRES: String(CENTRES), FC_DEMO: "off", FC_TABLE_PREFIX: PREFIX };

/** Issue 21 §2: two instances share 20 mailboxes through the county's leases; one dies and loses no work. */
describe("two service instances sharing 20 mailboxes", () => {
  const mailboxes = loadConfig(BASE).centres.map((c) => c.mailbox.address);
  const children = new Map<string, ChildProcess>();
  const urls = new Map<string, string>();
  let standIn: StandIn;
  let proxy: RoundRobinProxy;
  let county: CountyStore;

  const start = async (instance: string) => {
    const port = await freePort();
    const child = startServiceProcess({
      ...BASE,
      FC_PORT: String(port),
      FC_INSTANCE_ID: instance,
      // One public URL in front of both, as a load balancer gives a deployment: Graph's notifications reach either.
      FC_PUBLIC_BASE_URL: proxy.url,
      FC_GRAPH_BASE_URL: standIn.graphBaseUrl,
      FC_STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"),
      // A letter drafted by the instance killed, its send cut off, waits this long before it is sent after all.
      FC_LETTER_IN_TRANSIT_MINUTES: "2",
    });
    children.set(instance, child);
    urls.set(instance, `http://127.0.0.1:${port}`);
    await eventually(async () => expect((await fetch(`${urls.get(instance)}/healthz`)).ok).toBe(true), 120_000);
  };
  const held = async () => {
    const counts: Record<string, number> = {};
    const now = Date.now();
    for (const lease of await county.leases.list()) {
      if (lease.name.startsWith("pipeline~") && Date.parse(lease.expiresAt) > now)
        counts[lease.holderId] = (counts[lease.holderId] ?? 0) + 1;
    }
    return counts;
  };
  const smtp = () => createTransport({ host: "127.0.0.1", port: standIn.smtpPort, secure: false, ignoreTLS: true });
  const sendToEvery = async (batch: string) => {
    const transport = smtp();
    for (const [i, mailbox] of mailboxes.entries()) {
      await transport.sendMail({
        envelope: { from: "nurse@nhs.example", to: [mailbox] },
        raw: referralFrom(`${batch}-${i}`),
      });
    }
    transport.close();
  };

  beforeAll(async () => {
    standIn = await startStandIn({ smtpPort: 0, graphPort: 0, mailboxes: mailboxes.map((address) => ({ address })) });
    proxy = await startRoundRobinProxy(() => [...urls.values()]);
    county = await createCountyStore(inject("azuriteConnectionString"), {
      tablePrefix: PREFIX,
      allowInsecureConnection: true,
    });
  });
  afterAll(async () => {
    for (const child of children.values()) child.kill("SIGKILL");
    await Promise.all([...children.values()].map(exited));
    await proxy?.close();
    await standIn?.close();
  });

  it("takes about half each; after a SIGKILL the survivor serves all 20, and every mail is acknowledged once", async () => {
    await start("instance-a");
    await start("instance-b");
    await eventually(async () => expect(await held()).toEqual({ "instance-a": 10, "instance-b": 10 }), 60_000);

    await sendToEvery("before");
    await eventually(async () => {
      for (const mailbox of mailboxes) expect(acknowledgedIn(standIn, mailbox)).toHaveLength(1);
    }, 240_000);

    // Mail arriving as b dies, and after: b's mailboxes pass to a once their leases lapse.
    await sendToEvery("during");
    const b = children.get("instance-b") as ChildProcess;
    b.kill("SIGKILL");
    await exited(b);
    urls.delete("instance-b");
    await sendToEvery("after");

    await eventually(async () => expect(await held()).toEqual({ "instance-a": 20 }), 90_000);
    await eventually(async () => {
      for (const mailbox of mailboxes) expect(acknowledgedIn(standIn, mailbox)).toHaveLength(3);
    }, 240_000);
    // Further rounds in which a second acknowledgement would show.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    for (const [i, mailbox] of mailboxes.entries()) {
      expect(acknowledgedIn(standIn, mailbox).sort()).toEqual(
        ["after", "before", "during"].map((batch) => `nurse.${batch}-${i}@nhs.example`),
      );
    }
  }, 600_000);
});
