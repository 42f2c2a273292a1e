import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decideIntake } from "../../../../src/domain/intake/intake-decision.js";
import { classifyMessage } from "../../../../src/domain/mail/classify-message.js";
import { shouldNeverAnswer } from "../../../../src/domain/mail/loop-protection.js";
import { machineMailFinding } from "../../../../src/domain/mail/machine-mail.js";
import { findOriginalReferrer } from "../../../../src/domain/mail/original-referrer.js";
import { loadEml } from "../../../../dev/mail/eml.js";
import { aMessage, northContext } from "./mail-builders.js";

const MACHINE_FIXTURES = readdirSync(fileURLToPath(new URL("../../../fixtures/mail/", import.meta.url))).filter((f) =>
  f.startsWith("machine-"),
);

/** The mail system each machine-mail fixture comes from. */
const SYSTEMS: Readonly<Record<string, string>> = {
  "machine-delay-exchange-online.eml": "Exchange Online",
  "machine-delay-gmail.eml": "Gmail",
  "machine-delay-postfix.eml": "Postfix",
  "machine-delay-exim.eml": "Exim",
  "machine-delay-sendmail.eml": "Sendmail",
  "machine-ndr-exchange-online.eml": "Exchange Online",
  "machine-ndr-exchange-onprem.eml": "Exchange Server 2016",
  "machine-arf-yahoo.eml": "Yahoo Mail",
  "machine-arf-outlook-jmrp.eml": "Outlook.com",
  "machine-mdn-thunderbird.eml": "Thunderbird",
  "machine-receipt-lotus-notes.eml": "Lotus Notes",
  "machine-list-mailman-moderation.eml": "Mailman",
  "machine-list-mailman-probe.eml": "Mailman",
  "machine-list-google-groups.eml": "Google Groups",
  "machine-list-listserv.eml": "LISTSERV",
  "machine-challenge-spamarrest.eml": "Spam Arrest",
  "machine-challenge-boxbe.eml": "Boxbe",
  "machine-sms-textmagic-reply.eml": "TextMagic",
  "machine-sms-esendex-report.eml": "Esendex",
  "machine-av-mimecast-held.eml": "Mimecast",
  "machine-av-m365-quarantine.eml": "Microsoft Defender for Office 365",
  "machine-av-amavis.eml": "amavis",
  "machine-recall-outlook.eml": "Outlook",
  "machine-recall-report.eml": "Exchange Online",
  "machine-calendar-outlook-invite.eml": "Outlook",
  "machine-calendar-google-accepted.eml": "Google Calendar",
  "machine-calendar-icloud-declined.eml": "iCloud Calendar",
};

describe("issue 19 §4 machine mail is recognised, with reasons", () => {
  it("has fixtures of every kind from at least eight different mail systems", () => {
    expect(Object.keys(SYSTEMS).sort()).toEqual([...MACHINE_FIXTURES].sort());
    expect(new Set(Object.values(SYSTEMS)).size).toBeGreaterThanOrEqual(8);
    const kinds = new Set(MACHINE_FIXTURES.map((file) => file.replace(/^machine-/, "").split("-")[0]));
    expect([...kinds].sort()).toEqual(
      ["arf", "av", "calendar", "challenge", "delay", "list", "mdn", "ndr", "recall", "receipt", "sms"].sort(),
    );
  });

  it.each(MACHINE_FIXTURES)("%s is ignored with its reason, never a contact, never answered", async (file) => {
    const message = await loadEml(file);
    const classification = classifyMessage(message, northContext);
    const decision = decideIntake(message, classification, findOriginalReferrer(message, northContext));
    expect(decision).toEqual({ action: "ignore", reason: classification.kind });
    expect(classification.reasons.length).toBeGreaterThan(0);
    expect(shouldNeverAnswer(message, northContext).never).toBe(true);
  });

  it("a person forwarding a delay warning to the centre is a contact, answered as any person", async () => {
    const message = await loadEml("person-forwards-delay-warning.eml");
    const decision = decideIntake(
      message,
      classifyMessage(message, northContext),
      findOriginalReferrer(message, northContext),
    );
    expect(decision).toMatchObject({ action: "new-case", kind: "request-for-support" });
    expect(shouldNeverAnswer(message, northContext).never).toBe(false);
  });

  it.each([
    ["a subject beginning 'Read:' with nothing else machine-like", { subject: "Read: our concerns about a family" }],
    ["'Accepted:' with no calendar in it", { subject: "Accepted: your request for support" }],
    ["'Recall:' without Outlook's recall wording", { subject: "Recall: the family we discussed" }],
    ["a person writing about a quarantine", { bodyText: "The family are in quarantine and need help." }],
    ["a person writing about a delay", { subject: "Delivery delayed: food parcels for a family" }],
  ])("%s stays a person's email", (_, overrides) => {
    expect(machineMailFinding(aMessage(overrides))).toBeUndefined();
  });

  it("a delay is not a bounce: the acknowledgement it reports on is not recorded undelivered", async () => {
    const classification = classifyMessage(await loadEml("machine-delay-exchange-online.eml"), northContext);
    expect(classification.kind).toBe("delivery-notice");
  });
});
