import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { MACHINE_MAIL_KINDS } from "../../../src/domain/mail/machine-mail.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";

const MACHINE = readdirSync(fileURLToPath(new URL("../../fixtures/mail/", import.meta.url))).filter((f) =>
  f.startsWith("machine-"),
);

let h: AppHarness;
const idOf = new Map<string, string>();

beforeAll(async () => {
  h = await startAppHarness();
  for (const file of MACHINE) idOf.set(file, await h.deliverFixture(file));
  await syncInbox(h.deps, "machine-mail");
  for (let round = 0; round < 5; round++) if ((await deliverOutbox(h.deps, 50)).sent === 0) break;
}, 120_000);
afterAll(() => h.close());

describe("issue 19 §4 machine mail through the stand-in and the intake", () => {
  it.each(MACHINE)("%s is ignored with its kind and opens no case", async (file) => {
    const record = await h.deps.messages.find(idOf.get(file) ?? "");
    expect(record?.state).toBe("ignored");
    expect([...MACHINE_MAIL_KINDS, "delivery-failure"]).toContain(record?.reason);
    expect(record?.caseId).toBeUndefined();
  });

  it("opens no contact for any of them and answers none", async () => {
    const opened = (await Promise.all(MACHINE.map((f) => h.deps.messages.find(idOf.get(f) ?? "")))).filter(
      (record) => record?.caseId !== undefined,
    );
    expect(opened).toHaveLength(0);
    expect(h.standIn.mailbox.outbound).toEqual([]);
  });
});
