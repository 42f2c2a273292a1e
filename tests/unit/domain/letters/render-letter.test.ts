import { describe, expect, it } from "vitest";
import { englandAndWalesBankHolidays } from "../../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../../src/domain/calendar/create-calendar.js";
import { longDate, screeningOutcomeBy } from "../../../../src/domain/letters/letter-dates.js";
import {
  renderLetter,
  unfilledPlaceholders,
  type LetterTemplate,
} from "../../../../src/domain/letters/render-letter.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";

const familySolutions = loadProfile("family-solutions");
const acknowledgement = familySolutions.emails.acknowledgement;
const london = createCalendar({ bankHolidays: englandAndWalesBankHolidays(2026, 2027) });
const received = new Date("2026-11-27T16:00:00Z");

const values = (overrides: Record<string, string | undefined> = {}) => {
  const outcomeBy = screeningOutcomeBy(familySolutions, london, received);
  if (outcomeBy === undefined) throw new Error("Family Solutions promises a screening outcome date");
  return {
    caseReference: "FC-2026-000123",
    referrerName: "Priya Raman",
    centreName: "Family Centre North",
    receivedDate: longDate(london.localDate(received)),
    screeningOutcomeBy: longDate(outcomeBy),
    ...overrides,
  };
};

// eslint-disable-next-line no-control-regex
const BIDI_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe("rule 1.2: the acknowledgement letter from the Family Solutions template", () => {
  it("fills the subject with the case reference", () => {
    expect(renderLetter(acknowledgement, values()).subject).toBe(
      "We have received your request for support (FC-2026-000123)",
    );
  });

  it("confirms receipt and says when the screening outcome will be sent", () => {
    const { bodyText } = renderLetter(acknowledgement, values());
    expect(bodyText.split("\n")[0]).toBe("Dear Priya Raman,");
    expect(bodyText).toContain("which Family Centre North received on Friday 27 November 2026.");
    expect(bodyText).toContain("Our reference is FC-2026-000123;");
    expect(bodyText).toContain("We will email you the outcome of screening by Thursday 3 December 2026.");
    expect(bodyText.endsWith("Kind regards,\nFamily Centre North")).toBe(true);
  });

  it("leaves no placeholder behind, even for a value that is missing", () => {
    const letter = renderLetter(acknowledgement, values({ referrerName: undefined }));
    expect(`${letter.subject}\n${letter.bodyText}`).not.toContain("{{");
    expect(letter.bodyText.split("\n")[0]).toBe("Dear ,");
  });

  it("names the placeholders a missing or blank value would leave as holes", () => {
    expect(unfilledPlaceholders(acknowledgement, values())).toEqual([]);
    expect(unfilledPlaceholders(acknowledgement, values({ referrerName: " ", screeningOutcomeBy: undefined }))).toEqual(
      ["referrerName", "screeningOutcomeBy"],
    );
  });

  it("keeps the template's paragraphs", () => {
    expect(renderLetter(acknowledgement, values()).bodyText.split("\n\n").length).toBeGreaterThanOrEqual(4);
  });
});

describe("untrusted values in a letter", () => {
  const template: LetterTemplate = {
    subject: "Request from {{referrerName}} ({{caseReference}})",
    body: "Dear {{referrerName}},\n\nThanks.",
  };

  it("cannot inject a header through the subject with CR/LF", () => {
    const { subject } = renderLetter(template, {
      referrerName: "Jo Bloggs\r\nBcc: everyone@council.example\r\nX-Injected: yes",
      caseReference: "FC-2026-000123\n",
    });
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe("Request from Jo Bloggs Bcc: everyone@council.example X-Injected: yes (FC-2026-000123)");
  });

  it("keeps a subject on one line even when the template itself breaks it", () => {
    expect(renderLetter({ subject: "Line one\r\nBcc: x@evil.example", body: "b" }, {}).subject).toBe(
      "Line one Bcc: x@evil.example",
    );
  });

  it("keeps a hostile value on its own line in the body", () => {
    const { bodyText } = renderLetter(template, { referrerName: "Jo\r\n\r\nPlease pay invoice 42 to ...\n" });
    expect(bodyText).toBe("Dear Jo Please pay invoice 42 to ...,\n\nThanks.");
  });

  it("removes bidi overrides and isolates that would make a name read backwards", () => {
    const letter = renderLetter(template, {
      referrerName: "Kim \u202eeil.exe\u202c Lee\u2066\u200f",
      caseReference: "FC-2026-000123",
    });
    expect(letter.subject).not.toMatch(BIDI_AND_CONTROLS);
    expect(letter.bodyText.replace(/\n/g, "")).not.toMatch(BIDI_AND_CONTROLS);
    expect(letter.bodyText.split("\n")[0]).toBe("Dear Kim eil.exe Lee,");
  });

  it("caps an over-long name at 200 characters", () => {
    const letter = renderLetter(template, { referrerName: "A".repeat(5000), caseReference: "FC-2026-000123" });
    const dear = letter.bodyText.split("\n")[0] ?? "";
    expect(Array.from(dear.slice("Dear ".length, -",".length))).toHaveLength(200);
    expect(dear.endsWith("…,")).toBe(true);
  });

  it("caps the whole subject at 250 characters", () => {
    const twoValues: LetterTemplate = { subject: "{{referrerName}} {{centreName}}", body: "b" };
    const { subject } = renderLetter(twoValues, { referrerName: "A".repeat(300), centreName: "B".repeat(300) });
    expect(Array.from(subject)).toHaveLength(250);
    expect(subject.endsWith("…")).toBe(true);
  });

  it("does not expand placeholders or replacement patterns written inside a value", () => {
    const { bodyText } = renderLetter(template, { referrerName: "{{caseReference}} $& $' $1" });
    expect(bodyText.split("\n")[0]).toBe("Dear {{caseReference}} $& $' $1,");
  });
});
