import { describe, expect, it } from "vitest";
import { findOriginalReferrer } from "../../../../src/domain/mail/original-referrer.js";
import { loadEml } from "../../../../dev/mail/eml.js";
import { aMessage, northContext } from "./mail-builders.js";

const fromDesk = (bodyText: string) =>
  aMessage({
    from: { name: "Early Help Desk", address: "earlyhelpdesk@council.example" },
    subject: "FW: Front Door contact",
    bodyText,
  });

describe("rule 1.2 acknowledgement goes to the original referrer", () => {
  it("a forwarded Front Door form is acknowledged to the original referrer, never the Early Help Desk", async () => {
    const finding = findOriginalReferrer(await loadEml("front-door-plain-fields.eml"), northContext);
    expect(finding).toMatchObject({
      source: "form-field",
      confident: true,
      referrer: {
        name: "Claire Whitfield",
        email: "claire.whitfield@greenbank.school.example",
        organisation: "Greenbank Infant School",
        confirmed: true,
      },
    });
  });

  it("reads a table-style form (Referrer Email | address)", () => {
    const finding = findOriginalReferrer(
      fromDesk("Referrer Name | Gareth Lloyd\nReferrer Email | Gareth.Lloyd@Probation.example |"),
      northContext,
    );
    expect(finding.referrer).toMatchObject({ name: "Gareth Lloyd", email: "gareth.lloyd@probation.example" });
  });

  it("takes the deepest forwarded sender of a forward of a forward", async () => {
    const finding = findOriginalReferrer(await loadEml("front-door-forward-of-forward.eml"), northContext);
    expect(finding).toMatchObject({
      source: "forwarded-header",
      referrer: { email: "owen.marsh@westfield-high.school.example" },
    });
  });

  it("skips the desk and no-reply addresses inside the forwarded block", () => {
    const body = [
      "From: Front Door Portal <noreply@frontdoor.council.example>",
      "Sent: 14 January 2026 10:00",
      "To: Early Help Desk <earlyhelpdesk@council.example>",
      "",
      "From: Early Help Desk <earlyhelpdesk@council.example>",
      "Sent: 14 January 2026 09:00",
    ].join("\n");
    expect(findOriginalReferrer(fromDesk(body), northContext)).toMatchObject({ source: "none", confident: false });
  });

  it("asks a duty worker when the form and the forwarded sender disagree", () => {
    const body =
      "From: Kerry Walsh <kerry@youth.example>\nSent: 15 January 2026\n\nReferrer email: ben@leisure.example";
    const finding = findOriginalReferrer(fromDesk(body), northContext);
    expect(finding).toMatchObject({ confident: false, referrer: { email: "ben@leisure.example", confirmed: false } });
    expect(finding.reasons.join(" ")).toContain("kerry@youth.example");
  });

  it("asks a duty worker when the form gives two different referrer emails", () => {
    const body = "Referrer email: one@school.example\nReferrer name: One\n\nReferrer email: two@school.example";
    expect(findOriginalReferrer(fromDesk(body), northContext)).toMatchObject({
      confident: false,
      source: "form-field",
    });
  });

  it("asks a duty worker when nothing names the referrer", async () => {
    const finding = findOriginalReferrer(await loadEml("front-door-ambiguous-no-referrer.eml"), northContext);
    expect(finding).toEqual({
      confident: false,
      source: "none",
      reasons: [expect.stringContaining("confirm the referrer")],
    });
  });

  it("never names the desk even when the form lists the desk as referrer", () => {
    const finding = findOriginalReferrer(fromDesk("Referrer email: earlyhelpdesk@council.example"), northContext);
    expect(finding.referrer?.email).toBeUndefined();
    expect(finding.confident).toBe(false);
  });

  it("acknowledges the sender of an ordinary email", () => {
    const finding = findOriginalReferrer(aMessage(), northContext);
    expect(finding).toMatchObject({
      source: "sender",
      confident: true,
      referrer: { email: "claire.whitfield@greenbank.school.example" },
    });
  });

  it("ignores a Reply-To on another domain, which could send a child's details to a stranger", () => {
    const message = aMessage({ replyTo: [{ address: "someone@elsewhere.example" }] });
    expect(findOriginalReferrer(message, northContext).referrer?.email).toBe(
      "claire.whitfield@greenbank.school.example",
    );
  });

  it("uses a person's Reply-To when the sender is a no-reply address", () => {
    const message = aMessage({
      from: { address: "no-reply@forms.school.example" },
      replyTo: [{ address: "dsl@school.example" }],
    });
    expect(findOriginalReferrer(message, northContext)).toMatchObject({
      source: "sender",
      referrer: { email: "dsl@school.example" },
    });
  });

  it("neutralises a display name that tries to inject a header", async () => {
    const finding = findOriginalReferrer(await loadEml("header-injection-display-name.eml"), northContext);
    expect(finding.referrer?.name).not.toMatch(/[\r\n:]/);
    expect(finding.referrer?.name?.startsWith("Jo Bloggs")).toBe(true);
  });

  it("strips bidi overrides that make a name read as a different address", async () => {
    const finding = findOriginalReferrer(await loadEml("bidi-display-name.eml"), northContext);
    expect(finding.referrer?.name).not.toMatch(/[\u202a-\u202e\u2066-\u2069@]/);
  });
});
