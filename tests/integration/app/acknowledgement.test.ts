import { afterEach, describe, expect, it } from "vitest";
import { confirmReferrer } from "../../../src/app/confirm-referrer.js";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { logInboundMessage } from "../../../src/app/log-inbound-message.js";
import { senderRef } from "../../../src/app/mail-keys.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { EARLY_HELP_DESK, GROUP_MAILBOX, startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { allCases, expectNoPersonalDataLogged, recipientsOf, staffActor } from "./app-assertions.js";
import { expectStatus } from "../../support/outcomes.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const start = async (options?: Parameters<typeof startAppHarness>[0]) => (harness = await startAppHarness(options));

/** One intake round as the jobs run it: read the Inbox, then send what the outbox holds. */
const round = async (h: AppHarness) => {
  const synced = await syncInbox(h.deps, "test");
  const sent = await deliverOutbox(h.deps);
  return { synced, sent };
};

describe("rule 1.2 acknowledgement", () => {
  it("sends an EHA's sender exactly one acknowledgement, from the group mailbox, in the same conversation, with the case reference and the screening-outcome date", async () => {
    const h = await start();
    const id = await h.deliverFixture("eha-school-nurse.eml");
    const { synced, sent } = await round(h);
    expect(synced).toMatchObject({ ran: true, logged: 1 });
    expect(sent).toMatchObject({ sent: 1, failed: 0 });

    const [stored] = await allCases(h);
    const kase = stored?.case;
    const sentItems = await h.sentItems();
    expect(sentItems).toHaveLength(1);
    const [ack] = sentItems;
    expect(recipientsOf(ack)).toEqual(["priya.raman@nhs.example"]);
    expect(ack?.from?.emailAddress.address).toBe(GROUP_MAILBOX);
    expect(ack?.conversationId).toBe(h.standIn.mailbox.get(id).conversationId);
    expect(ack?.subject).toContain(kase?.id);
    expect(ack?.body.content).toContain(`Our reference is ${kase?.id}`);
    // Received Monday 12 January; screened Tuesday 13th; 2.2 promises the outcome within 3 calendar days.
    expect(ack?.body.content).toContain("by Friday 16 January 2026");
    await expectNoPersonalDataLogged(h, ["eha-school-nurse.eml"]);
  });

  it("writes to the original referrer of a forwarded Front Door form, never to the Early Help Desk", async () => {
    const h = await start();
    await h.deliverFixture("front-door-plain-fields.eml");
    await round(h);
    const sentItems = await h.sentItems();
    expect(sentItems.map(recipientsOf)).toEqual([["claire.whitfield@greenbank.school.example"]]);
    expect(sentItems.flatMap(recipientsOf)).not.toContain(EARLY_HELP_DESK);
    await expectNoPersonalDataLogged(h, ["front-door-plain-fields.eml"]);
  });

  it("sends none for a DART (1.2 does not apply to DARTs), though the DART is logged", async () => {
    const h = await start();
    await h.deliverFixture("dart-police-notification.eml");
    const { synced } = await round(h);
    expect(synced).toMatchObject({ logged: 1 });
    expect((await allCases(h)).map((c) => c.case.kind)).toEqual(["dart"]);
    expect(await h.sentItems()).toEqual([]);
  });

  it.each([
    ["ooo-english.eml", "autoreply"],
    ["ndr-exchange.eml", "delivery-failure"],
  ])("sends none for %s and records it as ignored (%s)", async (file, reason) => {
    const h = await start();
    const id = await h.deliverFixture(file);
    const { synced } = await round(h);
    expect(synced).toMatchObject({ logged: 0, ignored: 1 });
    expect(await h.deps.messages.find(id)).toMatchObject({ state: "ignored", reason });
    expect(await allCases(h)).toEqual([]);
    expect(await h.sentItems()).toEqual([]);
    await expectNoPersonalDataLogged(h, [file]);
  });

  it("logs and acknowledges once a message the pipeline sees three times", async () => {
    const h = await start();
    const id = await h.deliverFixture("eha-school-nurse.eml");
    for (let i = 0; i < 3; i++) await round(h);
    const message = await h.deps.mailbox.getMessage(id);
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await logInboundMessage(h.deps, message)).outcome);
    await deliverOutbox(h.deps);
    expect(outcomes).toEqual(["already-handled", "already-handled", "already-handled"]);
    const cases = await allCases(h);
    expect(cases).toHaveLength(1);
    expect(cases[0]?.contacts).toHaveLength(1);
    expect(await h.sentItems()).toHaveLength(1);
  });

  it("attaches a reply quoting the case reference to its case as a follow-up, with no new acknowledgement", async () => {
    const h = await start();
    await h.deliverFixture("eha-school-nurse.eml");
    await round(h);
    const [kase] = await allCases(h);
    const caseId = kase?.case.id ?? "";
    h.clock.set("2026-01-13T08:55:10Z");
    await h.deliverFixture("reply-case-reference.eml", (raw) => raw.replaceAll("FC-2026-000123", caseId));
    const { synced } = await round(h);
    expect(synced).toMatchObject({ logged: 1 });

    const stored = await h.deps.cases.getCase(caseId);
    const byReceipt = [...stored.contacts].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    expect(byReceipt.map((c) => c.isFollowUp)).toEqual([false, true]);
    expect(await allCases(h)).toHaveLength(1);
    expect(await h.sentItems()).toHaveLength(1);
    await expectNoPersonalDataLogged(h, ["eha-school-nurse.eml", "reply-case-reference.eml"]);
  });

  it("holds the acknowledgement of an ambiguous Front Door form until a duty worker confirms the referrer, then writes to that person", async () => {
    const h = await start({ now: "2026-01-15T13:44:01Z" });
    await h.deliverFixture("front-door-ambiguous-no-referrer.eml");
    const first = await round(h);
    expect(first.sent).toMatchObject({ sent: 0 });
    expect(await h.sentItems()).toEqual([]);

    const [kase] = await allCases(h);
    const caseId = kase?.case.id ?? "";
    const contactId = kase?.contacts[0]?.id ?? "";
    h.clock.advance(60 * 60_000);
    const confirmed = await confirmReferrer(h.deps, caseId, contactId, staffActor("duty-worker"), {
      name: "Dana Whitlock",
      email: "dana.whitlock@riverside.school.example",
    });
    expect(expectStatus(confirmed, "recorded").acknowledgementReleased).toBe(true);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 });
    const sentItems = await h.sentItems();
    expect(sentItems.map(recipientsOf)).toEqual([["dana.whitlock@riverside.school.example"]]);
    expect(sentItems[0]?.body.content).toContain("Dear Dana Whitlock");
  });

  it("holds the acknowledgements beyond a sender's daily allowance", async () => {
    const h = await start({ maxAcksPerSenderPerDay: 2 });
    for (let i = 1; i <= 3; i++) {
      await h.deliverFixture("eha-school-nurse.eml", (raw) =>
        raw.replace(/^Message-ID: <[^>]+>/m, `Message-ID: <cap-${i}@nhs.example>`),
      );
    }
    const { synced, sent } = await round(h);
    expect(synced).toMatchObject({ logged: 3 });
    expect(sent).toMatchObject({ sent: 2 });
    expect(await h.sentItems()).toHaveLength(2);
    const cases = await allCases(h);
    const held = await Promise.all(
      cases.map(async ({ case: c, contacts }) => {
        const item = await h.deps.outbox.get(c.id, `${c.id}~acknowledgement~${contacts[0]?.id ?? ""}`);
        return item?.state;
      }),
    );
    expect(held.sort()).toEqual(["held", "sent", "sent"]);
  });

  it("counts a message's acknowledgement against its sender's allowance once, though its logging stopped part-way", async () => {
    const h = await start({ maxAcksPerSenderPerDay: 2 });
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) {
      ids.push(
        await h.deliverFixture("eha-school-nurse.eml", (raw) =>
          raw.replace(/^Message-ID: <[^>]+>/m, `Message-ID: <stopped-${i}@nhs.example>`),
        ),
      );
    }
    // The first message's run stopped after its case number was kept and its allowance taken, twice over.
    const [stopped] = ids as [string];
    const day = h.deps.calendar.localDate(h.clock.now());
    const allowance = { sender: senderRef("priya.raman@nhs.example"), day, perDay: 2 };
    await h.deps.messages.claim(stopped, h.clock.now());
    await h.deps.cases.reserveCaseId(2026, stopped, allowance);
    await h.deps.cases.reserveCaseId(2026, stopped, allowance);

    const { synced, sent } = await round(h);

    expect(synced).toMatchObject({ logged: 3 });
    expect(sent).toMatchObject({ sent: 2 });
  });
});
