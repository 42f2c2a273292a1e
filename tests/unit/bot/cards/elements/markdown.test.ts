import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../../../../bot/cards/elements/markdown.js";

describe("escapeMarkdown", () => {
  it("leaves the service's own sentences as they are", () => {
    for (const plain of ["Due Tue 13 Jan 2026, 10:30 (rule 1.2).", "FC-2026-000123 · Request for Support", "4 days"]) {
      expect(escapeMarkdown(plain)).toBe(plain);
    }
  });

  it("escapes link, image and emphasis syntax, and what a linkifier would take for an address", () => {
    expect(escapeMarkdown("[x](https://evil.example)")).toBe("\\[x\\](https\\://evil\\.example)");
    expect(escapeMarkdown("![p](y) **b** _i_ `c`")).toBe("\\!\\[p\\](y) \\*\\*b\\*\\* \\_i\\_ \\`c\\`");
    expect(escapeMarkdown("jo.smith@evil.com")).toBe("jo\\.smith\\@evil\\.com");
  });

  it("escapes what would open a heading, list or quote at the start of any line, and drops indentation", () => {
    expect(escapeMarkdown("# a\n- b\n2. c\n> d\n    e")).toBe("\\# a\n\\- b\n2\\. c\n\\> d\ne");
  });
});
