import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../../dev/azurite.js";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { eventually, FIXTURES, GROUP_MAILBOX } from "../../support/local-stack.js";
import { exited, startServiceProcess } from "../../support/service-process.js";

describe("rule 1.2 acknowledgement across a crash", () => {
  let standIn: StandIn;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    standIn = await startStandIn({ smtpPort: 0, graphPort: 0, mailbox: GROUP_MAILBOX });
    const port = await freePort();
    env = {
      FC_MODE: "local",
      FC_PORT: String(port),
      FC_PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      FC_GRAPH_BASE_URL: standIn.graphBaseUrl,
      FC_STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"),
      FC_TABLE_PREFIX: "ECrash",
    };
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await standIn.close();
  });

  it("is sent exactly once when the service is killed between drafting and sending, then restarted on a slow Exchange", async () => {
    // Slow Graph down so that the moment between "draft created" and "draft sent" (one request apart) can be hit.
    standIn.faults.set({ latencyMs: 1500 });
    const first = startServiceProcess(env);
    children.push(first);
    await eventually(async () => expect((await fetch(`${env.FC_PUBLIC_BASE_URL}/healthz`)).ok).toBe(true), 60_000);

    const smtp = createTransport({ host: "127.0.0.1", port: standIn.smtpPort, secure: false, ignoreTLS: true });
    await smtp.sendMail({
      envelope: { from: "priya.raman@nhs.example", to: [GROUP_MAILBOX] },
      raw: readFileSync(join(FIXTURES, "eha-school-nurse.eml"), "utf8"),
    });
    smtp.close();

    await eventually(async () => expect(standIn.mailbox.list("drafts").length).toBe(1), 60_000);
    first.kill("SIGKILL");
    await exited(first);
    const sentBeforeRestart = standIn.mailbox.list("sentitems").length;

    // The restarted service meets a slow Exchange: Sent Items lags each send, and half the /send answers are lost.
    standIn.faults.set({ latencyMs: 0, sentItemsDelayMs: { min: 2000, max: 5000 }, dropSendResponses: 0.5 });
    const second = startServiceProcess(env);
    children.push(second);
    await eventually(async () => {
      expect(standIn.mailbox.list("sentitems").filter((m) => m.subject.startsWith("We have received"))).toHaveLength(1);
    }, 60_000);
    // Give the restarted service more rounds in which a second send would show.
    await new Promise((r) => setTimeout(r, 6_000));

    const acks = standIn.mailbox.list("sentitems").filter((m) => m.subject.startsWith("We have received"));
    expect(acks).toHaveLength(1);
    expect(sentBeforeRestart).toBe(0); // it really died between drafting and sending
    expect(standIn.mailbox.list("drafts")).toHaveLength(0);
    expect(standIn.stats().outbound).toBe(1);
  }, 120_000);
});
