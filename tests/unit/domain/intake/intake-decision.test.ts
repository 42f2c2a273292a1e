import { describe, expect, it } from "vitest";
import type { ContactKind, Referrer } from "../../../../src/domain/contact.js";
import {
  decideIntake,
  neverAnswerRecipient,
  planAcknowledgement,
  type AcknowledgementPlan,
  type IntakeDecision,
} from "../../../../src/domain/intake/intake-decision.js";
import { classifyMessage, type Classification } from "../../../../src/domain/mail/classify-message.js";
import type { InboundMessage } from "../../../../src/domain/mail/inbound-message.js";
import { shouldNeverAnswer, type NeverAnswer } from "../../../../src/domain/mail/loop-protection.js";
import type { MailContext } from "../../../../src/domain/mail/mail-context.js";
import { findOriginalReferrer } from "../../../../src/domain/mail/original-referrer.js";
import type { ClockRule, Profile } from "../../../../src/domain/rules/profile-schema.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { loadEml } from "../../../../dev/mail/eml.js";
import { northContext } from "../mail/mail-builders.js";

const familySolutions = loadProfile("family-solutions");
const bexley = loadProfile("bexley");

const DESK = "earlyhelpdesk@council.example";
const GROUP_MAILBOX = northContext.groupMailbox;
const PORTAL = "noreply@frontdoor.council.example";
const answerable: NeverAnswer = { never: false, reasons: [] };

interface Intake {
  readonly message: InboundMessage;
  readonly decision: IntakeDecision;
}

/** The whole pure pipeline a mailbox notification runs: classify, find the referrer, decide. */
const intakeOf = async (file: string, context: MailContext = northContext): Promise<Intake> => {
  const message = await loadEml(file);
  const decision = decideIntake(message, classifyMessage(message, context), findOriginalReferrer(message, context));
  return { message, decision };
};

const newCase = (decision: IntakeDecision) => {
  if (decision.action !== "new-case") throw new Error(`expected a new case, got ${JSON.stringify(decision)}`);
  return decision;
};

/** Rule 1.2 for a fixture, wired as the intake handler does: loop protection judges the person we would write to. */
const acknowledgementOf = async (
  file: string,
  options: { readonly profile?: Profile; readonly senderCapReached?: boolean } = {},
): Promise<AcknowledgementPlan> => {
  const { message, decision } = await intakeOf(file);
  const { kind, referrer } = newCase(decision);
  const neverAnswer =
    referrer?.email === undefined
      ? shouldNeverAnswer(message, northContext)
      : neverAnswerRecipient(message, northContext, referrer.email);
  return planAcknowledgement({
    profile: options.profile ?? familySolutions,
    kind,
    ...(referrer ? { referrer } : {}),
    neverAnswer,
    senderCapReached: options.senderCapReached ?? false,
  });
};

/** Family Solutions with rule 1.2 changed, to prove the code reads the profile rather than knowing the rule. */
const withAcknowledgementRule = (change: (rule: ClockRule) => ClockRule): Profile => ({
  ...familySolutions,
  rules: familySolutions.rules.map((rule) => (rule.kind === "clock" && rule.id === "1.2" ? change(rule) : rule)),
});

const confirmedReferrer: Referrer = {
  name: "Priya Raman",
  email: "priya.raman@nhs.example",
  confirmed: true,
};

describe("rule 1.3: what a message in the group mailbox becomes", () => {
  it.each([
    ["eha-school-nurse.eml", "early-help-assessment"],
    ["rfs-gp-surgery.eml", "request-for-support"],
    ["dart-police-notification.eml", "dart"],
    ["front-door-plain-fields.eml", "front-door"],
    ["front-door-portal-noreply.eml", "front-door"],
  ] as const)("opens a case for %s as a %s contact", async (file, kind) => {
    const { decision } = await intakeOf(file);
    expect(decision).toMatchObject({ action: "new-case", kind });
  });

  it.each([
    ["ooo-english.eml", "autoreply"],
    ["ooo-german-exchange.eml", "autoreply"],
    ["ooo-welsh.eml", "autoreply"],
    ["read-receipt.eml", "read-receipt"],
    ["ndr-exchange.eml", "delivery-failure"],
    ["ndr-postfix-mailer-daemon.eml", "delivery-failure"],
    ["ndr-own-acknowledgement-bounced.eml", "delivery-failure"],
    ["own-acknowledgement-copy.eml", "own-mail"],
    ["newsletter-mailing-list.eml", "mailing-list"],
  ] as const)("ignores %s (%s), even when it quotes a case reference", async (file, reason) => {
    const { decision } = await intakeOf(file);
    expect(decision).toEqual({ action: "ignore", reason });
  });

  it("attaches a reply quoting FC-2026-000123 to that case as a follow-up", async () => {
    const { decision } = await intakeOf("reply-case-reference.eml");
    expect(decision).toEqual({ action: "follow-up", caseReference: "FC-2026-000123" });
  });

  it("attaches a forwarded reply quoting FC-2026-000123 to that case as a follow-up", async () => {
    const { decision } = await intakeOf("reply-case-reference-forwarded.eml");
    expect(decision).toEqual({ action: "follow-up", caseReference: "FC-2026-000123" });
  });

  it("attaches a reply without a reference to the case its conversation is already linked to", async () => {
    const { decision } = await intakeOf("reply-same-thread.eml", {
      ...northContext,
      knownConversation: { caseId: "FC-2026-000456" },
    });
    expect(decision).toEqual({ action: "follow-up", caseReference: "FC-2026-000456" });
  });

  it.each(["general-enquiry-room-booking.eml", "reply-same-thread.eml", "noreply-system-notification.eml"])(
    "still logs the unrecognised %s, as kind 'other', so nothing is lost",
    async (file) => {
      const { decision } = await intakeOf(file);
      expect(decision).toMatchObject({ action: "new-case", kind: "other" });
    },
  );

  it("logs a reply-to-case classification that names no case as a new 'other' contact rather than dropping it", async () => {
    const message = await loadEml("reply-same-thread.eml");
    const classification: Classification = { kind: "reply-to-case", reasons: ["test"], confidence: 0.9 };
    const decision = decideIntake(message, classification, findOriginalReferrer(message, northContext));
    expect(decision).toMatchObject({ action: "new-case", kind: "other" });
  });

  it("keeps the original referrer of a Front Door form forwarded by the Early Help Desk on the new case", async () => {
    const { decision } = await intakeOf("front-door-outlook-forward.eml");
    expect(newCase(decision).referrer).toMatchObject({ email: "imogen.hart@stmarys-nursery.example", confirmed: true });
  });

  it("opens a case with no referrer when nobody can tell who referred", async () => {
    const { decision } = await intakeOf("front-door-ambiguous-no-referrer.eml");
    expect(decision).toEqual({ action: "new-case", kind: "front-door" });
  });
});

describe("rule 1.2 acknowledgement, from the real mail corpus", () => {
  it.each([
    ["eha-school-nurse.eml", "priya.raman@nhs.example"],
    ["eha-health-visitor-docx.eml", "hannah.okafor@nhs.example"],
    ["eha-school-office-reply-to-dsl.eml", "a.kaur@oakfield-primary.school.example"],
    ["rfs-housing-officer.eml", "leanne.fox@housing.council.example"],
  ])("acknowledges the EHA or Request for Support %s to its sender %s", async (file, email) => {
    expect(await acknowledgementOf(file)).toMatchObject({ plan: "send", to: { email, confirmed: true } });
  });

  it.each([
    ["front-door-plain-fields.eml", "claire.whitfield@greenbank.school.example"],
    ["front-door-outlook-forward.eml", "imogen.hart@stmarys-nursery.example"],
    ["front-door-forward-of-forward.eml", "owen.marsh@westfield-high.school.example"],
    ["front-door-html-table.eml", "gareth.lloyd@probation.example"],
  ])(
    "sends the forwarded Front Door form %s to the original referrer, never the Early Help Desk",
    async (file, email) => {
      const { message } = await intakeOf(file);
      expect(message.from?.address).toBe(DESK);
      const plan = await acknowledgementOf(file);
      expect(plan).toMatchObject({ plan: "send", to: { email } });
      expect(plan.plan === "send" && plan.to.email).not.toBe(DESK);
    },
  );

  it("acknowledges the referrer named in a portal form although the portal sends from a no-reply address", async () => {
    const { message } = await intakeOf("front-door-portal-noreply.eml");
    expect(shouldNeverAnswer(message, northContext).never).toBe(true);
    expect(await acknowledgementOf("front-door-portal-noreply.eml")).toMatchObject({
      plan: "send",
      to: { email: "nadia.hussain@ambulance.nhs.example", name: "Nadia Hussain" },
    });
  });

  it("holds an ambiguous Front Door form for a duty worker to confirm the referrer", async () => {
    expect(await acknowledgementOf("front-door-ambiguous-no-referrer.eml")).toEqual({
      plan: "hold",
      reason: "referrer-unconfirmed",
    });
  });

  it.each(["front-door-conflicting-referrers.eml", "front-door-name-only.eml", "rfs-admin-sends-for-colleague.eml"])(
    "holds %s, whose referrer is named but unconfirmed, with the candidate for the duty worker to check",
    async (file) => {
      const plan = await acknowledgementOf(file);
      expect(plan).toMatchObject({ plan: "hold", reason: "referrer-unconfirmed", to: { confirmed: false } });
    },
  );

  it.each(["dart-police-notification.eml", "dart-forwarded-by-desk.eml"])(
    "sends no acknowledgement for the DART %s (1.2 is not for DARTs)",
    async (file) => {
      expect(await acknowledgementOf(file)).toEqual({ plan: "none", reason: "not-for-this-kind" });
    },
  );

  it("reads which kinds are acknowledged from the profile's 1.2 appliesTo, not from code", async () => {
    const frontDoorExcluded = withAcknowledgementRule((rule) => ({
      ...rule,
      appliesTo: { excludeCaseKinds: ["front-door"] },
    }));
    expect(await acknowledgementOf("dart-police-notification.eml", { profile: frontDoorExcluded })).toMatchObject({
      plan: "send",
      to: { email: "dart.notifications@police.example" },
    });
    expect(await acknowledgementOf("front-door-plain-fields.eml", { profile: frontDoorExcluded })).toEqual({
      plan: "none",
      reason: "not-for-this-kind",
    });
  });

  it.each(["general-enquiry-room-booking.eml", "reply-same-thread.eml", "noreply-system-notification.eml"])(
    "holds the acknowledgement of the unrecognised %s until a duty worker has sorted it",
    async (file) => {
      expect(await acknowledgementOf(file)).toMatchObject({ plan: "hold", reason: "referrer-unconfirmed" });
    },
  );

  it("holds an acknowledgement when the sender has had their acknowledgements for today", async () => {
    expect(await acknowledgementOf("eha-school-nurse.eml", { senderCapReached: true })).toMatchObject({
      plan: "hold",
      reason: "sender-daily-cap",
      to: { email: "priya.raman@nhs.example" },
    });
  });

  it("sends nothing under a profile with no acknowledgement rule", async () => {
    const noAcknowledgement = { ...familySolutions, rules: familySolutions.rules.filter((r) => r.id !== "1.2") };
    expect(await acknowledgementOf("eha-school-nurse.eml", { profile: noAcknowledgement })).toEqual({
      plan: "none",
      reason: "no-acknowledgement-rule",
    });
  });

  it("acknowledges a Bexley referral too (the profile's local-practice acknowledgement)", async () => {
    expect(await acknowledgementOf("eha-school-nurse.eml", { profile: bexley })).toMatchObject({ plan: "send" });
  });
});

describe("rule 1.2 acknowledgement: what decides the plan", () => {
  const plan = (
    overrides: Partial<{
      kind: ContactKind;
      referrer: Referrer;
      neverAnswer: NeverAnswer;
      senderCapReached: boolean;
      tooOld: boolean;
      profile: Profile;
    }>,
  ) =>
    planAcknowledgement({
      profile: familySolutions,
      kind: "early-help-assessment",
      referrer: confirmedReferrer,
      neverAnswer: answerable,
      senderCapReached: false,
      ...overrides,
    });

  it("sends to a confirmed referrer with an email address", () => {
    expect(plan({})).toEqual({ plan: "send", to: confirmedReferrer });
  });

  it("holds a confirmed referrer without an email address", () => {
    const { email: _email, ...noEmail } = confirmedReferrer;
    expect(plan({ referrer: noEmail })).toEqual({ plan: "hold", reason: "referrer-unconfirmed", to: noEmail });
  });

  it("sends nothing to a referrer who must never be answered, even when their cap is also reached", () => {
    const neverAnswer: NeverAnswer = { never: true, reasons: ["It comes from a no-reply or system address."] };
    expect(plan({ neverAnswer, senderCapReached: true })).toEqual({ plan: "none", reason: "never-answer" });
  });

  it("asks a duty worker to confirm an unconfirmed referrer before the daily cap is considered", () => {
    const unconfirmed = { ...confirmedReferrer, confirmed: false };
    expect(plan({ referrer: unconfirmed, senderCapReached: true })).toMatchObject({
      plan: "hold",
      reason: "referrer-unconfirmed",
    });
  });

  it("sends none for mail received longer ago than the centre acknowledges, not even once a referrer is confirmed", () => {
    const unconfirmed = { ...confirmedReferrer, confirmed: false };
    expect(plan({ tooOld: true })).toEqual({ plan: "none", reason: "too-old" });
    expect(plan({ referrer: unconfirmed, tooOld: true })).toEqual({ plan: "none", reason: "too-old" });
  });

  it("acknowledges every kind 1.2 does not exclude, including walk-ins and 'other' once confirmed", () => {
    for (const kind of ["front-door", "walk-in", "step-down-from-social-care", "other"] as const) {
      expect(plan({ kind }).plan).toBe("send");
    }
    expect(plan({ kind: "dart" })).toEqual({ plan: "none", reason: "not-for-this-kind" });
  });

  it("finds the acknowledgement rule by the event that stops it, whatever the profile calls it", () => {
    const renamed = withAcknowledgementRule((rule) => ({ ...rule, id: "acknowledge" }));
    expect(plan({ profile: renamed, kind: "dart" })).toEqual({ plan: "none", reason: "not-for-this-kind" });
    expect(plan({ profile: renamed }).plan).toBe("send");
  });
});

describe("loop protection for the person an acknowledgement would go to", () => {
  it.each([
    ["the Early Help Desk", DESK],
    ["the Early Help Desk, written differently", " EarlyHelpDesk@Council.Example "],
    ["the group mailbox", GROUP_MAILBOX],
    ["a no-reply address", "no-reply@frontdoor.council.example"],
    ["a do-not-reply address", "donotreply@school.example"],
  ])("never answers %s named as the referrer", async (_label, address) => {
    const message = await loadEml("front-door-plain-fields.eml");
    const verdict = neverAnswerRecipient(message, northContext, address);
    expect(verdict.never).toBe(true);
    expect(verdict.reasons.length).toBeGreaterThan(0);
  });

  it("never answers the Early Help Desk although it is the ordinary sender of a forwarded form", async () => {
    const message = await loadEml("front-door-outlook-forward.eml");
    expect(shouldNeverAnswer(message, northContext).never).toBe(false);
    expect(neverAnswerRecipient(message, northContext, DESK).never).toBe(true);
  });

  it("plans no acknowledgement when a duty worker's confirmed referrer turns out to be the desk", async () => {
    const message = await loadEml("front-door-plain-fields.eml");
    const desk: Referrer = { name: "Early Help Desk", email: DESK, confirmed: true };
    const neverAnswer = neverAnswerRecipient(message, northContext, DESK);
    expect(
      planAcknowledgement({
        profile: familySolutions,
        kind: "front-door",
        referrer: desk,
        neverAnswer,
        senderCapReached: false,
      }),
    ).toEqual({ plan: "none", reason: "never-answer" });
  });

  it("judges the portal's no-reply sender on the whole message but the referrer it names by address alone", async () => {
    const message = await loadEml("front-door-portal-noreply.eml");
    const portal = neverAnswerRecipient(message, northContext, PORTAL);
    expect(portal.never).toBe(true);
    expect(portal.reasons).toEqual(shouldNeverAnswer(message, northContext).reasons);
    expect(neverAnswerRecipient(message, northContext, "nadia.hussain@ambulance.nhs.example")).toEqual(answerable);
  });

  it.each(["ooo-english.eml", "ndr-postfix-mailer-daemon.eml", "newsletter-mailing-list.eml"])(
    "never answers the sender of %s",
    async (file) => {
      const message = await loadEml(file);
      const sender = message.from?.address ?? "";
      expect(neverAnswerRecipient(message, northContext, sender).never).toBe(true);
    },
  );

  it("never answers our own mail, which comes from the group mailbox", async () => {
    const message = await loadEml("own-acknowledgement-copy.eml");
    const verdict = neverAnswerRecipient(message, northContext, GROUP_MAILBOX);
    expect(verdict.never).toBe(true);
    expect(verdict.reasons).toContain("It carries this service's outbox marker: it is a message we sent.");
  });

  it("answers an ordinary sender, and the Reply-To a school office names for its safeguarding lead", async () => {
    const nurse = await loadEml("eha-school-nurse.eml");
    expect(neverAnswerRecipient(nurse, northContext, "priya.raman@nhs.example")).toEqual(answerable);
    const office = await loadEml("eha-school-office-reply-to-dsl.eml");
    expect(neverAnswerRecipient(office, northContext, "a.kaur@oakfield-primary.school.example")).toEqual(answerable);
  });
});
