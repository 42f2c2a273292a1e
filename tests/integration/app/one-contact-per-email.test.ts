import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { logInboundMessage } from "../../../src/app/log-inbound-message.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { allCases, recipientsOf } from "./app-assertions.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const REFERRAL = "rfs-gp-surgery.eml";
const REFERRER = "tomasz.nowak@nhs.example";

const sentTo = async (h: AppHarness): Promise<string[]> => (await h.sentItems()).flatMap(recipientsOf);

/** Logs everything in the Inbox and sends every letter that is due. */
async function intakeAndSend(h: AppHarness): Promise<void> {
  await syncInbox(h.deps, "one-contact");
  for (let round = 0; round < 5; round++) if ((await deliverOutbox(h.deps, 50)).sent === 0) break;
}

describe("issue 19 §1 one contact per Internet message, however it arrives", () => {
  it("the same email delivered twice (two Graph ids) is one contact and one acknowledgement", async () => {
    const h = (harness = await startAppHarness());
    const first = await h.deliverFixture(REFERRAL);
    h.clock.advance(90_000);
    // A client re-sending, or one email to the centre and copied to a list it is on: Exchange makes a second item.
    const second = await h.deliverFixture(REFERRAL, (raw) => raw.replace("\nTo: ", "\nCc: desk@council.example\nTo: "));
    expect(second).not.toBe(first);
    await intakeAndSend(h);

    expect(await allCases(h)).toHaveLength(1);
    expect(await sentTo(h)).toEqual([REFERRER]);
    expect(await h.deps.messages.find(second)).toMatchObject({ state: "ignored", reason: "duplicate-delivery" });
    const [kase] = await allCases(h);
    const again = kase?.case.events.filter((e) => e.type === "contact.received-again");
    const secondItem = h.standIn.mailbox.get(second);
    expect(again?.map((e) => e.data)).toEqual([
      {
        contactId: kase?.contacts[0]?.id,
        messageId: second,
        receivedAt: new Date(secondItem.receivedDateTime).toISOString(),
      },
    ]);
  });

  it("the same Graph message seen twice (a replayed notification) is one contact", async () => {
    const h = (harness = await startAppHarness());
    const id = await h.deliverFixture(REFERRAL);
    const message = await h.deps.mailbox.getMessage(id);
    expect((await logInboundMessage(h.deps, message)).outcome).toBe("logged");
    expect(await logInboundMessage(h.deps, message)).toEqual({ outcome: "already-handled" });
    expect(await allCases(h)).toHaveLength(1);
  });

  it("two instances handling the two copies at once make one contact and one acknowledgement", async () => {
    const h = (harness = await startAppHarness());
    const other = await h.anotherInstance();
    for (const file of ["rfs-gp-surgery.eml", "eha-school-nurse.eml", "rfs-housing-officer.eml"]) {
      const copies = await Promise.all([h.deliverFixture(file), h.deliverFixture(file)]);
      const [a, b] = await Promise.all(copies.map((id) => h.deps.mailbox.getMessage(id)));
      if (a === undefined || b === undefined) throw new Error("both copies should be in the Inbox");
      const outcomes = await Promise.all([logInboundMessage(h.deps, a), logInboundMessage(other, b)]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(["ignored", "logged"]);
    }
    for (let round = 0; round < 5; round++) if ((await deliverOutbox(h.deps, 50)).sent === 0) break;

    const cases = await allCases(h);
    expect(cases).toHaveLength(3);
    expect((await sentTo(h)).sort()).toEqual(
      ["leanne.fox@housing.council.example", "priya.raman@nhs.example", REFERRER].sort(),
    );
    // Whichever copy finished first, the other is kept on the contact: once.
    for (const kase of cases) {
      expect(kase.case.events.filter((e) => e.type === "contact.received-again")).toHaveLength(1);
    }
  });

  it("a Message-ID reused for mail from a different sender is two contacts", async () => {
    const h = (harness = await startAppHarness());
    await h.deliverFixture(REFERRAL);
    await h.deliverFixture(REFERRAL, (raw) =>
      raw.replace("From: Dr Tomasz Nowak <tomasz.nowak@nhs.example>", "From: Dr Ann Lee <ann.lee@nhs.example>"),
    );
    await intakeAndSend(h);
    expect(await allCases(h)).toHaveLength(2);
    expect((await sentTo(h)).sort()).toEqual(["ann.lee@nhs.example", REFERRER]);
  });

  it("a Message-ID reused for a different body from the same sender is two contacts", async () => {
    const h = (harness = await startAppHarness());
    await h.deliverFixture(REFERRAL);
    await h.deliverFixture(REFERRAL, (raw) => raw.replace("two children aged 4 and 6", "a baby of 8 months"));
    await intakeAndSend(h);
    expect(await allCases(h)).toHaveLength(2);
  });

  it("copies of an email with no Message-ID are never merged: each is its own contact", async () => {
    const h = (harness = await startAppHarness());
    const withoutId = (raw: string) => raw.replace(/^Message-ID:.*\r?\n/m, "");
    await h.deliverFixture(REFERRAL, withoutId);
    await h.deliverFixture(REFERRAL, withoutId);
    await intakeAndSend(h);
    expect(await allCases(h)).toHaveLength(2);
  });
});
