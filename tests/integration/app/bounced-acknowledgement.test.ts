import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { deadlines } from "../../../src/domain/rules/deadlines.js";
import type { Mailbox } from "../../../src/ports/mailbox.js";
import { GROUP_MAILBOX, startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { mailboxWith } from "../../support/mailbox-with.js";
import { allCases } from "./app-assertions.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const OUR_MARKER = "x-fc-outbox-key";

/** A postfix-style DSN returning a message whose headers carried `marker` (ours or anyone's). */
const bounceOf = (returnedHeaders: string) =>
  [
    "Return-Path: <>",
    "From: MAILER-DAEMON@mx.nhs.example",
    `To: ${GROUP_MAILBOX}`,
    "Subject: Undelivered Mail Returned to Sender",
    "Date: Mon, 12 Jan 2026 09:50:00 +0000",
    "Message-ID: <bounce-1@mx.nhs.example>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "This is the mail system at host mx.nhs.example. Your message could not be delivered.",
    "--b1",
    "Content-Type: message/delivery-status",
    "",
    "Final-Recipient: rfc822; priya.raman@nhs.example",
    "Action: failed",
    "Status: 5.1.1",
    "--b1",
    "Content-Type: text/rfc822-headers",
    "",
    returnedHeaders,
    "--b1--",
    "",
  ].join("\r\n");

/** Exchange's delivery report: the returned letter attached whole (message/rfc822), which Graph gives as an item. */
const exchangeBounceOf = (returnedMessage: string) =>
  [
    "From: Microsoft Outlook <postmaster@nhs.example>",
    `To: ${GROUP_MAILBOX}`,
    "Subject: Undeliverable: We have received your request",
    "Date: Mon, 12 Jan 2026 09:50:00 +0000",
    "Message-ID: <ndr-1@nhs.example>",
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b2"',
    "",
    "--b2",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "Delivery has failed to these recipients or groups: priya.raman@nhs.example",
    "--b2",
    "Content-Type: message/delivery-status",
    "",
    "Final-Recipient: rfc822; priya.raman@nhs.example",
    "Action: failed",
    "Status: 5.1.10",
    "--b2",
    "Content-Type: message/rfc822",
    "",
    returnedMessage,
    "",
    "Thank you, we have received your request.",
    "--b2--",
    "",
  ].join("\r\n");

/** A referral logged and acknowledged; returns the acknowledgement's outbox key as it left in the mail's header. */
async function acknowledgedReferral(h: AppHarness): Promise<string> {
  await h.deliverFixture("eha-school-nurse.eml");
  await syncInbox(h.deps, "test");
  expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 });
  const [sent] = h.standIn.mailbox.list("sentitems");
  const key = sent?.internetMessageHeaders.find((x) => x.name.toLowerCase() === OUR_MARKER)?.value;
  expect(key).toBeDefined();
  return key ?? "";
}

const returned = (key: string) =>
  [
    `From: ${GROUP_MAILBOX}`,
    "To: priya.raman@nhs.example",
    "Subject: We have received your request",
    `X-FC-Outbox-Key: ${key}`,
  ].join("\r\n");

describe("rule 1.2 acknowledgement returned by the referrer's mail server", () => {
  it("records 'acknowledgement not delivered' on the case, once, and never answers the bounce", async () => {
    const h = (harness = await startAppHarness());
    const key = await acknowledgedReferral(h);
    h.clock.advance(5 * 60_000);
    const bounce = await h.standIn.deliver(bounceOf(returned(key)));

    expect(await syncInbox(h.deps, "test")).toMatchObject({ ignored: 1, logged: 0 });
    await deliverOutbox(h.deps);
    await syncInbox(h.deps, "test"); // a replayed round changes nothing
    await h.standIn.deliver(bounceOf(returned(key))); // nor does a second server's bounce of the same letter
    await syncInbox(h.deps, "test");

    const [stored] = await allCases(h);
    const bounced = stored?.case.events.filter((e) => e.type === "acknowledgement.not-delivered") ?? [];
    expect(bounced).toHaveLength(1);
    expect(bounced[0]).toMatchObject({ data: { outboxKey: key }, by: { kind: "system" } });
    expect(await h.deps.messages.find(bounce)).toMatchObject({ state: "ignored" });
    expect(h.standIn.mailbox.list("sentitems")).toHaveLength(1);
  });

  it("records a bounce from Exchange, whose returned letter comes whole as an item attachment", async () => {
    const h = (harness = await startAppHarness());
    const key = await acknowledgedReferral(h);
    h.clock.advance(5 * 60_000);
    await h.standIn.deliver(exchangeBounceOf(returned(key)));

    expect(await syncInbox(h.deps, "test")).toMatchObject({ ignored: 1, logged: 0 });
    const [stored] = await allCases(h);
    const bounced = stored?.case.events.filter((e) => e.type === "acknowledgement.not-delivered") ?? [];
    expect(bounced).toHaveLength(1);
    expect(bounced[0]).toMatchObject({ data: { outboxKey: key } });
    expect(h.standIn.mailbox.list("sentitems")).toHaveLength(1);
  });

  it("does not count the bounced acknowledgement as meeting rule 1.2", async () => {
    const h = (harness = await startAppHarness());
    const key = await acknowledgedReferral(h);
    const before = await allCases(h);
    const clockOf = (kase: NonNullable<(typeof before)[number]>["case"]) =>
      deadlines(kase, h.deps.profile, h.deps.calendar, h.clock.now()).find((d) => d.ruleId === "1.2");
    expect(clockOf(before[0]!.case)).toMatchObject({ status: "met" });

    await h.standIn.deliver(bounceOf(returned(key)));
    await syncInbox(h.deps, "test");

    const [after] = await allCases(h);
    expect(clockOf(after!.case)?.status).not.toBe("met");
    expect(clockOf(after!.case)?.stoppedAt).toBeUndefined();
  });

  it("does not count as met an acknowledgement whose bounce arrived before its sender recorded it sent", async () => {
    let stops = 1;
    const h = (harness = await startAppHarness({
      // The process stops after Exchange took the letter, before the outbox and the case record it.
      wrapMailbox: (inner: Mailbox): Mailbox =>
        mailboxWith(inner, {
          sendDraft: async (draftId) => {
            await inner.sendDraft(draftId);
            if (stops-- > 0) throw new Error("process stopped after the send");
          },
        }),
    }));
    await h.deliverFixture("eha-school-nurse.eml");
    await syncInbox(h.deps, "test");
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, failed: 1 });
    const [sent] = h.standIn.mailbox.list("sentitems");
    const key = sent?.internetMessageHeaders.find((x) => x.name.toLowerCase() === OUR_MARKER)?.value ?? "";

    await h.standIn.deliver(bounceOf(returned(key)));
    await syncInbox(h.deps, "test");
    h.clock.advance(10 * 60_000);
    await deliverOutbox(h.deps);

    const [stored] = await allCases(h);
    const types = stored?.case.events.map((e) => e.type) ?? [];
    expect(types.slice(types.indexOf("acknowledgement.not-delivered"))).toEqual([
      "acknowledgement.not-delivered",
      "acknowledgement.sent",
    ]);
    const clock = deadlines(stored!.case, h.deps.profile, h.deps.calendar, h.clock.now()).find(
      (d) => d.ruleId === "1.2",
    );
    expect(clock?.status).not.toBe("met");
    expect(h.standIn.mailbox.list("sentitems")).toHaveLength(1);
  });

  it("records nothing for a bounce of mail that is not ours", async () => {
    const h = (harness = await startAppHarness());
    await acknowledgedReferral(h);
    await h.standIn.deliver(
      bounceOf(`From: someone@nhs.example\r\nSubject: hello\r\n${OUR_MARKER}: FC-2026-999999~acknowledgement~m-x`),
    );
    expect(await syncInbox(h.deps, "test")).toMatchObject({ ignored: 1 });
    const [stored] = await allCases(h);
    expect(stored?.case.events.map((e) => e.type)).not.toContain("acknowledgement.not-delivered");
  });
});
