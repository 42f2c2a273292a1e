import { createTransport } from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import type { InboundMessage } from "../../../src/domain/mail/inbound-message.js";
import type { Mailbox } from "../../../src/ports/mailbox.js";
import { largeAttachmentMessage } from "../../fixtures/hostile/corpus.js";
import { GROUP_MAILBOX, readFixture, startAppHarness, type AppHarness } from "../../support/app-harness.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const MB = 1024 * 1024;
const SENDER = "priya.raman@nhs.example";

/** Sends raw messages over SMTP into the stand-in, as a referrer's server would, and waits for them in the Inbox. */
async function sendOverSmtp(h: AppHarness, raws: readonly string[]): Promise<void> {
  const smtp = createTransport({ host: "127.0.0.1", port: h.standIn.smtpPort, secure: false, ignoreTLS: true });
  try {
    for (const raw of raws) await smtp.sendMail({ envelope: { from: SENDER, to: [GROUP_MAILBOX] }, raw });
  } finally {
    smtp.close();
  }
  expect(h.standIn.mailbox.list("inbox")).toHaveLength(raws.length);
}

/** The production mailbox, with what the inbox read handed to the core kept for inspection. */
function watchedMailbox(inner: Mailbox, seen: InboundMessage[]): Mailbox {
  const watched = Object.create(inner) as Mailbox;
  watched.readInboxPage = async (link, options) => {
    const page = await inner.readInboxPage(link, options);
    seen.push(...page.messages);
    return page;
  };
  return watched;
}

describe("hostile mail by size and volume (issue 7 §3)", () => {
  it(
    "logs a referral with a 20 MB attachment sent over SMTP from its metadata alone",
    { timeout: 120_000 },
    async () => {
      const h = (harness = await startAppHarness());
      const seen: InboundMessage[] = [];
      const deps = { ...h.deps, mailbox: watchedMailbox(h.deps.mailbox, seen) };
      await sendOverSmtp(h, [largeAttachmentMessage(20 * MB, SENDER)]);

      expect(await syncInbox(deps, "test")).toMatchObject({ logged: 1, failed: 0 });

      const [message] = seen;
      expect(message?.attachments).toEqual([
        { name: "scans.pdf", contentType: "application/pdf", size: expect.any(Number) },
      ]);
      expect(message?.attachments[0]?.size).toBeGreaterThanOrEqual(20 * MB);
      expect(message?.bodyText.length).toBeLessThan(10_000);
      expect(Math.max(...h.logLines.map((line) => line.length))).toBeLessThan(2_000);
      expect(await h.deps.messages.find(message?.id ?? "")).toMatchObject({ state: "logged" });
    },
  );

  it(
    "logs all 200 messages of one sender's flood but acknowledges only up to the per-sender daily cap",
    { timeout: 300_000 },
    async () => {
      const cap = 10;
      const h = (harness = await startAppHarness({ maxAcksPerSenderPerDay: cap }));
      const template = await readFixture("eha-school-nurse.eml");
      const flood = Array.from({ length: 200 }, (_, i) =>
        template
          .replace(/^Message-ID: .*$/m, `Message-ID: <flood-${i}@nhs.example>`)
          .replace(/^Subject: .*$/m, `Subject: Early Help Assessment - family ${i}`),
      );
      await sendOverSmtp(h, flood);

      const round = await syncInbox(h.deps, "test");
      for (let sent = -1; sent !== 0;) sent = (await deliverOutbox(h.deps)).sent;

      expect(round).toMatchObject({ messages: 200, logged: 200, failed: 0 });
      const sentItems = h.standIn.mailbox.list("sentitems");
      expect(sentItems).toHaveLength(cap);
      expect(new Set(sentItems.flatMap((m) => m.toRecipients.map((r) => r.emailAddress.address)))).toEqual(
        new Set([SENDER]),
      );
      // Past the cap the acknowledgements wait for a person (held), so nothing is left pending to send later.
      expect(await h.deps.outbox.listPending(500, "email")).toEqual([]);
    },
  );
});
