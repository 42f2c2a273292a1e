import { describe, expect, it } from "vitest";
import { MailError } from "../../../../src/domain/mail/errors.js";
import { neutraliseDisplayName, safeText } from "../../../../src/domain/mail/safe-text.js";

describe("safe text for cards and outgoing headers", () => {
  it("removes CR and LF so a name cannot start a new header", () => {
    expect(safeText("Jo Bloggs\r\nBcc: everyone@council.example", 100)).toBe("Jo Bloggs Bcc: everyone@council.example");
  });

  it("removes bidi overrides and isolates", () => {
    expect(safeText("Kim \u202eelpmaxe\u202c \u2066x\u2069", 100)).toBe("Kim elpmaxe x");
  });

  it("caps the length, marking the cut", () => {
    expect(safeText("abcdefghij", 5)).toBe("abcd…");
    expect(safeText("abcde", 5)).toBe("abcde");
  });

  it("never cuts a character in half", () => {
    expect(safeText("😀😀😀", 2)).toBe("😀…");
  });

  it("refuses a limit that is not a positive whole number", () => {
    expect(() => safeText("x", 0)).toThrow(MailError);
    expect(() => safeText("x", 2.5)).toThrow(expect.objectContaining({ code: "MAIL.INVALID_TEXT_LIMIT" }));
  });
});

describe("display names", () => {
  it("strips address syntax so a name cannot pose as another address", () => {
    expect(neutraliseDisplayName('"help@council.example" <x@evil.example>')).toBe(
      "help at council.example x at evil.example",
    );
  });

  it("keeps an ordinary name as it is", () => {
    expect(neutraliseDisplayName("Siobhán O'Neill-Brown")).toBe("Siobhán O'Neill-Brown");
  });
});
