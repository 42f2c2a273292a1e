import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { classifyMessage, type ClassificationKind } from "../../../../src/domain/mail/classify-message.js";
import { shouldNeverAnswer } from "../../../../src/domain/mail/loop-protection.js";
import { findOriginalReferrer } from "../../../../src/domain/mail/original-referrer.js";
import { loadEml } from "../../../../dev/mail/eml.js";
import { northContext } from "./mail-builders.js";

interface Row {
  readonly file: string;
  readonly kind: ClassificationKind;
  /** Who the acknowledgement goes to; undefined when nobody can be acknowledged without a duty worker. */
  readonly referrer: string | undefined;
  readonly confident: boolean;
  readonly never: boolean;
  readonly caseReference?: string;
}

const row = (
  file: string,
  kind: ClassificationKind,
  referrer: string | undefined,
  confident: boolean,
  never: boolean,
  caseReference?: string,
): Row => ({ file, kind, referrer, confident, never, ...(caseReference === undefined ? {} : { caseReference }) });

const CASE = "FC-2026-000123";

// One row per fixture: the expected kind, the person rule 1.2 acknowledges, and whether the sender is ever answered.
const CORPUS: readonly Row[] = [
  row("eha-school-nurse.eml", "early-help-assessment", "priya.raman@nhs.example", true, false),
  row("eha-health-visitor-docx.eml", "early-help-assessment", "hannah.okafor@nhs.example", true, false),
  row(
    "eha-school-dsl-attachment-only.eml",
    "early-help-assessment",
    "m.delaney@oakfield-primary.school.example",
    true,
    false,
  ),
  row(
    "eha-school-office-reply-to-dsl.eml",
    "early-help-assessment",
    "a.kaur@oakfield-primary.school.example",
    true,
    false,
  ),
  row("windows-1252-eha.eml", "early-help-assessment", "sinead.oconnor@slt.nhs.example", true, false),
  row("rfs-gp-surgery.eml", "request-for-support", "tomasz.nowak@nhs.example", true, false),
  row("rfs-housing-officer.eml", "request-for-support", "leanne.fox@housing.council.example", true, false),
  row(
    "rfs-admin-sends-for-colleague.eml",
    "request-for-support",
    "admin@hillside-academy.school.example",
    false,
    false,
  ),
  row(
    "rfs-outlook-suppress-header.eml",
    "request-for-support",
    "rachel.evans@northshire-college.ac.example",
    true,
    false,
  ),
  row("html-only-rfs-script-remote-images.eml", "request-for-support", "martha.quinn@homestart.example", true, false),
  row(
    "iso-8859-1-quoted-printable-rfs.eml",
    "request-for-support",
    "amelie.lefevre-brown@pcn.nhs.example",
    true,
    false,
  ),
  row("header-injection-display-name.eml", "request-for-support", "jo.bloggs@pta.school.example", true, false),
  row("bidi-display-name.eml", "request-for-support", "kim.lee@clinic.nhs.example", true, false),
  row("dart-police-notification.eml", "dart", "dart.notifications@police.example", true, false),
  row("dart-forwarded-by-desk.eml", "dart", "dart.notifications@police.example", true, false),
  row("front-door-plain-fields.eml", "front-door", "claire.whitfield@greenbank.school.example", true, false),
  row("front-door-html-table.eml", "front-door", "gareth.lloyd@probation.example", true, false),
  // Issue 19 §3: Front Door and portal forms laid out in HTML, read from the HTML as Exchange returns it
  row("front-door-portal-header-row.eml", "front-door", "aisha.begum@northshire-police.example", true, false),
  row("front-door-portal-four-column.eml", "front-door", "m.kowalski@stannes.school.example", true, false),
  row("front-door-definition-list.eml", "front-door", "grace.mensah@nhs.example", true, false),
  row("front-door-two-column-layout.eml", "front-door", "dylan.hughes@youthservice.council.example", true, false),
  row("front-door-nested-layout.eml", "front-door", "fiona.grant@citizensadvice.example", true, false),
  row("front-door-labels-on-own-line.eml", "front-door", "femi.adeyemi@camhs.nhs.example", true, false),
  row("front-door-outlook-forward.eml", "front-door", "imogen.hart@stmarys-nursery.example", true, false),
  row("front-door-forward-of-forward.eml", "front-door", "owen.marsh@westfield-high.school.example", true, false),
  row("front-door-form-and-forward-agree.eml", "front-door", "laura.bennett@citizens-advice.example", true, false),
  row("base64-subject-front-door.eml", "front-door", "zainab.ali@mosque-outreach.example", true, false),
  row("front-door-portal-noreply.eml", "front-door", "nadia.hussain@ambulance.nhs.example", true, true),
  row("front-door-conflicting-referrers.eml", "front-door", "ben.ashworth@sportscentre.example", false, false),
  row("front-door-name-only.eml", "front-door", undefined, false, false),
  row("front-door-ambiguous-no-referrer.eml", "front-door", undefined, false, false),
  row("reply-case-reference.eml", "reply-to-case", "priya.raman@nhs.example", true, false, CASE),
  row(
    "reply-case-reference-forwarded.eml",
    "reply-to-case",
    "sam.iqbal@oakfield-primary.school.example",
    true,
    false,
    CASE,
  ),
  row("reply-same-thread.eml", "not-a-contact", "leanne.fox@housing.council.example", true, false),
  row("general-enquiry-room-booking.eml", "not-a-contact", "tess.morgan@council.example", true, false),
  row("newsletter-mailing-list.eml", "not-a-contact", "news@safeguarding-partnership.example", true, true),
  row("noreply-system-notification.eml", "not-a-contact", undefined, false, true),
  row("ooo-english.eml", "autoreply", "priya.raman@nhs.example", true, true, CASE),
  row("ooo-english-subject-only.eml", "autoreply", "ian.cole@youthclub.example", true, true),
  row("ooo-french.eml", "autoreply", "camille.durand@lycee-francais.example", true, true, CASE),
  row("ooo-german.eml", "autoreply", "jonas.weber@partnerschule.example", true, true),
  row("ooo-german-exchange.eml", "autoreply", "lena.fischer@jugendamt.example", true, true, CASE),
  row("ooo-spanish.eml", "autoreply", "lucia.martin@colegio.example", true, true, CASE),
  row("ooo-dutch.eml", "autoreply", "daan.devries@jeugdzorg.example", true, true, CASE),
  row("ooo-italian.eml", "autoreply", "giulia.rossi@scuola.example", true, true, CASE),
  row("ooo-polish.eml", "autoreply", "k.nowak@szkola.example", true, true, CASE),
  row("ooo-welsh.eml", "autoreply", "cerys.morgan@ysgol.example", true, true, CASE),
  row("ooo-portuguese.eml", "autoreply", "joao.silva@escola.example", true, true, CASE),
  row("ooo-swedish.eml", "autoreply", "elsa.lindqvist@skola.example", true, true, CASE),
  row("read-receipt.eml", "read-receipt", "tomasz.nowak@nhs.example", true, true, CASE),
  row("ndr-exchange.eml", "delivery-failure", undefined, false, true, "FC-2026-000125"),
  row("ndr-postfix-mailer-daemon.eml", "delivery-failure", undefined, false, true),
  row("ndr-gmail-dsn.eml", "delivery-failure", undefined, false, true),
  row("ndr-exim-failed-recipients.eml", "delivery-failure", undefined, false, true),
  row("ndr-german-unzustellbar.eml", "delivery-failure", undefined, false, true, "FC-2026-000127"),
  row("ndr-own-acknowledgement-bounced.eml", "delivery-failure", undefined, false, true, "FC-2026-000124"),
  row("own-acknowledgement-copy.eml", "own-mail", undefined, false, true, CASE),
  // Issue 19: machine mail from more than eight mail systems, each ignored with its kind, never answered
  row("machine-delay-exchange-online.eml", "delivery-notice", undefined, false, true),
  row("machine-delay-gmail.eml", "delivery-notice", undefined, false, true),
  row("machine-delay-postfix.eml", "delivery-notice", undefined, false, true),
  row("machine-delay-exim.eml", "delivery-notice", undefined, false, true),
  row("machine-delay-sendmail.eml", "delivery-notice", undefined, false, true),
  row("machine-ndr-exchange-online.eml", "delivery-failure", undefined, false, true),
  row("machine-ndr-exchange-onprem.eml", "delivery-failure", undefined, false, true),
  row("machine-arf-yahoo.eml", "feedback-report", "feedback@arf.mail.yahoo.com", true, true),
  row("machine-arf-outlook-jmrp.eml", "feedback-report", "staff@hotmail.com", true, true),
  row("machine-mdn-thunderbird.eml", "read-receipt", "ellie.marsh@westfield-high.school.example", true, true),
  row("machine-receipt-lotus-notes.eml", "read-receipt", "gwen.price@nhs-trust.example", true, true),
  row(
    "machine-list-mailman-moderation.eml",
    "list-admin",
    "safeguarding-practitioners-owner@lists.partnership.example",
    true,
    true,
  ),
  row("machine-list-mailman-probe.eml", "list-admin", "early-help-news-bounces@lists.partnership.example", true, true),
  row("machine-list-google-groups.eml", "list-admin", undefined, false, true),
  row("machine-list-listserv.eml", "list-admin", "listserv@listserv.council.example", true, true),
  row("machine-challenge-spamarrest.eml", "challenge-response", "verify@spamarrest.com", true, true),
  row("machine-challenge-boxbe.eml", "challenge-response", "notifications@boxbe.com", true, true),
  row("machine-sms-textmagic-reply.eml", "sms-gateway", "+447700900123@textmagic.com", true, true),
  row("machine-sms-esendex-report.eml", "sms-gateway", undefined, false, true),
  row("machine-av-mimecast-held.eml", "antivirus-notice", undefined, false, true),
  row("machine-av-m365-quarantine.eml", "antivirus-notice", "quarantine@messaging.microsoft.com", true, true),
  row("machine-av-amavis.eml", "antivirus-notice", "virusalert@mail.youthclub.example", true, true),
  row("machine-recall-outlook.eml", "recall", "sam.patel@school.example", true, true),
  row("machine-recall-report.eml", "recall", undefined, false, true),
  row("machine-calendar-outlook-invite.eml", "calendar", "priya.raman@nhs.example", true, true),
  row("machine-calendar-google-accepted.eml", "calendar", "owen.marsh@westfield-high.school.example", true, true),
  row("machine-calendar-icloud-declined.eml", "calendar", "leanne.fox@icloud.example", true, true),
  row("person-forwards-delay-warning.eml", "request-for-support", "r.adeyemi@riverside.school.example", true, false),
];

describe("the .eml fixture corpus", () => {
  it("has a row for every fixture, so no fixture goes unchecked", () => {
    const files = readdirSync(fileURLToPath(new URL("../../../fixtures/mail/", import.meta.url))).filter((f) =>
      f.endsWith(".eml"),
    );
    expect(CORPUS.map((r) => r.file).sort()).toEqual(files.sort());
    expect(files.length).toBeGreaterThanOrEqual(45);
  });

  describe.each(CORPUS)("$file", ({ file, kind, referrer, confident, never, caseReference }) => {
    it(`rule 1.3: is sorted as ${kind}${caseReference === undefined ? "" : ` on ${caseReference}`}`, async () => {
      const classification = classifyMessage(await loadEml(file), northContext);
      expect(classification.kind).toBe(kind);
      expect(classification.caseReference).toBe(caseReference);
      expect(classification.reasons.length).toBeGreaterThan(0);
      expect(classification.confidence).toBeGreaterThan(0);
      expect(classification.confidence).toBeLessThanOrEqual(1);
    });

    it(`rule 1.2: names ${referrer ?? "nobody"} as the original referrer${confident ? "" : " and asks a duty worker to confirm"}`, async () => {
      const finding = findOriginalReferrer(await loadEml(file), northContext);
      expect(finding.referrer?.email).toBe(referrer);
      expect(finding.confident).toBe(confident);
      expect(finding.referrer?.confirmed ?? false).toBe(confident);
      expect(finding.referrer?.email).not.toBe("earlyhelpdesk@council.example");
      expect(finding.referrer?.email).not.toBe(northContext.groupMailbox);
    });

    it(`loop protection: ${never ? "never answers the sender" : "may answer the sender"}`, async () => {
      const verdict = shouldNeverAnswer(await loadEml(file), northContext);
      expect(verdict.never).toBe(never);
      expect(verdict.reasons.length > 0).toBe(never);
    });
  });
});
