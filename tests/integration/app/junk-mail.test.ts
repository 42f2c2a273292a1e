import { afterEach, describe, expect, it } from "vitest";
import { sweepJunkMail } from "../../../src/app/sweep-junk-mail.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { readFixture } from "../../support/app-harness.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A fixture Exchange's filter put in Junk Email instead of the Inbox. */
const deliverToJunk = async (h: AppHarness, file: string) => h.standIn.deliver(await readFixture(file), "junkemail");

describe("rule 1.3 mail Exchange filtered as junk is not lost", () => {
  it("moves it into the Inbox, where the next round logs it once", async () => {
    const h = (harness = await startAppHarness());
    await syncInbox(h.deps, "test");
    const id = await deliverToJunk(h, "eha-school-nurse.eml");
    expect(await syncInbox(h.deps, "test")).toMatchObject({ messages: 0 });

    expect(await sweepJunkMail(h.deps)).toBe(1);
    expect(await syncInbox(h.deps, "test")).toMatchObject({ messages: 1, logged: 1 });
    expect(await h.deps.messages.find(id)).toMatchObject({ state: "logged" });
    expect(await sweepJunkMail(h.deps)).toBe(0);
  });

  it("leaves junk from before go-live where it is", async () => {
    const h = (harness = await startAppHarness({ intakeFrom: "2026-01-12T09:00:00Z", now: "2026-01-12T08:00:00Z" }));
    const old = await deliverToJunk(h, "eha-school-nurse.eml");
    h.clock.set("2026-01-12T09:30:00Z");

    expect(await sweepJunkMail(h.deps)).toBe(0);
    expect(h.standIn.mailbox.get(old).folder).toBe("junkemail");
  });
});
