import { describe, expect, it } from "vitest";
import { classifyMessage } from "../../../../src/domain/mail/classify-message.js";
import { MailError } from "../../../../src/domain/mail/errors.js";
import { loadEml } from "../../../../dev/mail/eml.js";
import { aMessage, northContext } from "./mail-builders.js";

const headers = (entries: Record<string, string>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, [value]]));

describe("rule 1.3 contact kinds", () => {
  it("sorts a DART before anything else the message also looks like", () => {
    const message = aMessage({
      subject: "DART notification - Front Door request for support",
      from: { address: "earlyhelpdesk@council.example" },
    });
    expect(classifyMessage(message, northContext).kind).toBe("dart");
  });

  it("does not call a Front Door form a DART because it asks about previous DART notifications", () => {
    const message = aMessage({
      from: { address: "earlyhelpdesk@council.example" },
      subject: "FW: Front Door contact",
      bodyText: "Referrer name: A Person\nReferrer email: a.person@school.example\nAny previous DART? No",
    });
    expect(classifyMessage(message, northContext).kind).toBe("front-door");
  });

  it("treats anything the Early Help Desk forwards as a Front Door contact, even an EHA", () => {
    const message = aMessage({
      from: { address: "EarlyHelpDesk@Council.example" },
      subject: "FW: Early Help Assessment",
    });
    expect(classifyMessage(message, northContext)).toMatchObject({ kind: "front-door", confidence: 0.9 });
  });

  it("recognises an Early Help Assessment by its attachment alone", () => {
    const message = aMessage({
      subject: "Referral",
      attachments: [{ name: "Early_Help_Assessment.pdf", contentType: "application/pdf", size: 5120 }],
    });
    expect(classifyMessage(message, northContext).kind).toBe("early-help-assessment");
  });

  it("leaves a message with no sign of a request for a duty worker to check, with low confidence", () => {
    const result = classifyMessage(aMessage({ subject: "Parking at the centre" }), northContext);
    expect(result.kind).toBe("not-a-contact");
    expect(result.confidence).toBeLessThan(0.7);
  });
});

describe("replies on an existing case", () => {
  it("links a message whose subject quotes the case reference", () => {
    const result = classifyMessage(aMessage({ subject: "RE: Request for support FC-2026-000123" }), northContext);
    expect(result).toMatchObject({ kind: "reply-to-case", caseReference: "FC-2026-000123" });
  });

  it("links a reply in a conversation the caller already knows, when the subject has no reference", async () => {
    const message = await loadEml("reply-same-thread.eml");
    const result = classifyMessage(message, { ...northContext, knownConversation: { caseId: "FC-2026-000140" } });
    expect(result).toMatchObject({ kind: "reply-to-case", caseReference: "FC-2026-000140" });
  });

  it("finds the reference the same way every time, even when the configured pattern is global", () => {
    const context = { ...northContext, caseReferencePattern: /FC-\d{4}-\d{6}/g };
    const message = aMessage({ subject: "RE: FC-2026-000123" });
    expect([1, 2, 3].map(() => classifyMessage(message, context).caseReference)).toEqual(
      Array(3).fill("FC-2026-000123"),
    );
  });
});

describe("precedence of machine mail", () => {
  it("puts our own mail first, even when it bounces back with a delivery failure subject", () => {
    const message = aMessage({
      subject: "Undeliverable: FC-2026-000123 We have received your request for support",
      headers: headers({
        "x-fc-outbox-key": "FC-2026-000123~1.2~1",
        "content-type": "multipart/report; report-type=delivery-status",
      }),
    });
    expect(classifyMessage(message, northContext).kind).toBe("own-mail");
  });

  it("puts a bounce before an autoreply", () => {
    const message = aMessage({
      subject: "Automatic reply: hello",
      headers: headers({ "x-failed-recipients": "x@school.example" }),
    });
    expect(classifyMessage(message, northContext).kind).toBe("delivery-failure");
  });

  it("puts an autoreply before a case reference, keeping the reference for the card", () => {
    const message = aMessage({
      subject: "Automatic reply: FC-2026-000123 outcome",
      headers: headers({ "auto-submitted": "auto-replied" }),
    });
    expect(classifyMessage(message, northContext)).toMatchObject({
      kind: "autoreply",
      caseReference: "FC-2026-000123",
    });
  });

  it("does not take X-Auto-Response-Suppress for an autoreply: Outlook puts it on ordinary mail", () => {
    const message = aMessage({
      subject: "Request for support",
      headers: headers({ "x-auto-response-suppress": "All" }),
    });
    expect(classifyMessage(message, northContext).kind).toBe("request-for-support");
  });

  it("takes Auto-Submitted: no as a person's mail", () => {
    const message = aMessage({ subject: "Request for support", headers: headers({ "auto-submitted": "no" }) });
    expect(classifyMessage(message, northContext).kind).toBe("request-for-support");
  });

  it("keeps a machine-sent Front Door form as a contact rather than losing it as an autoreply", () => {
    const message = aMessage({
      from: { address: "noreply@frontdoor.council.example" },
      subject: "New Front Door referral",
      headers: headers({ "auto-submitted": "auto-generated" }),
      bodyText: "Referring professional: N Hussain <n.hussain@nhs.example>",
    });
    const result = classifyMessage(message, northContext);
    expect(result.kind).toBe("front-door");
    expect(result.reasons).toContain("It says a machine sent it automatically.");
  });

  it("still treats a machine-sent message without a form as automatic", () => {
    const message = aMessage({
      subject: "Request for support received",
      headers: headers({ "auto-submitted": "auto-generated" }),
    });
    expect(classifyMessage(message, northContext).kind).toBe("autoreply");
  });

  it.each([
    "Automatic reply: referral",
    "Out of Office: referral",
    "Réponse automatique : orientation",
    "Abwesenheitsnotiz: Anfrage",
    "Automatische Antwort: Anfrage",
    "Respuesta automática: solicitud",
    "Risposta automatica: richiesta",
    "Automatisch antwoord: verzoek",
    "Autosvar: förfrågan",
    "Odpowiedź automatyczna: prośba",
    "Resposta automática: pedido",
    "Allan o’r swyddfa: cais",
  ])("recognises the autoreply subject %j", (subject) => {
    expect(classifyMessage(aMessage({ subject }), northContext).kind).toBe("autoreply");
  });

  it("does not silence a person who mentions being out of office mid-subject", () => {
    const message = aMessage({ subject: "Request for support while mum is out of office hours" });
    expect(classifyMessage(message, northContext).kind).toBe("request-for-support");
  });

  it("sorts a mailing list as not a contact, saying why", () => {
    const message = aMessage({
      subject: "Early Help Assessment training",
      headers: headers({ "list-id": "<briefing.partnership.example>" }),
    });
    expect(classifyMessage(message, northContext)).toMatchObject({
      kind: "not-a-contact",
      reasons: ["It was sent to a mailing list."],
    });
  });
});

describe("mailbox settings", () => {
  it("refuses to run without a real group mailbox address, so our own mail cannot slip through", () => {
    const run = (): unknown => classifyMessage(aMessage(), { ...northContext, groupMailbox: "Family Centre North" });
    expect(run).toThrow(MailError);
    expect(run).toThrow(/group mailbox must be one email address/);
  });

  it("refuses an outbox marker that is not a custom header", () => {
    const run = (): unknown => classifyMessage(aMessage(), { ...northContext, ownMarker: { header: "Subject" } });
    expect(run).toThrow(expect.objectContaining({ code: "MAIL.INVALID_CONTEXT" }));
  });
});
