import { describe, expect, it } from "vitest";
import { RecentItems } from "../../../../bot/presenters/recent-agenda-items.js";

const AT = Date.parse("2026-01-13T10:30:00Z");
const MINUTE = 60_000;

describe("rule 2.1 panel decisions: agenda items reused for a refreshed card", () => {
  it("reuses an item for a minute after it was built, then asks for it to be read again", () => {
    const recent = new RecentItems<string>();
    recent.keep("FC-2026-000101", 1, () => "open", AT);
    expect(recent.recall("FC-2026-000101", AT + MINUTE - 1)).toBe("open");
    expect(recent.recall("FC-2026-000101", AT + MINUTE)).toBeUndefined();
    expect(recent.recall("FC-2026-000102", AT)).toBeUndefined();
  });

  it("builds an item once per version of the case, however many clicks bring it", () => {
    const recent = new RecentItems<string>();
    let built = 0;
    const build = () => `built ${++built}`;
    recent.keep("FC-2026-000101", 1, build, AT);
    recent.keep("FC-2026-000101", 1, build, AT + 5);
    expect(recent.recall("FC-2026-000101", AT + 10)).toBe("built 1");
    recent.keep("FC-2026-000101", 2, build, AT + 20);
    expect(recent.recall("FC-2026-000101", AT + 30)).toBe("built 2");
  });

  it("never lets an older view of a case replace a newer one (a slow read after a decision)", () => {
    const recent = new RecentItems<string>();
    recent.keep("FC-2026-000101", 2, () => "decided", AT);
    recent.keep("FC-2026-000101", 1, () => "open", AT + 10);
    expect(recent.recall("FC-2026-000101", AT + 20)).toBe("decided");
    recent.keep("FC-2026-000101", 3, () => "closed", AT + 30);
    expect(recent.recall("FC-2026-000101", AT + 40)).toBe("closed");
  });
});
