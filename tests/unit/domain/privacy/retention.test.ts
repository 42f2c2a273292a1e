import { describe, expect, it } from "vitest";
import type { Case } from "../../../../src/domain/case.js";
import type { CaseEvent } from "../../../../src/domain/case-events.js";
import {
  monthsAfter,
  onLegalHold,
  PLACEHOLDER_RETENTION_MONTHS,
  retentionOutcomeOf,
  retentionVerdict,
} from "../../../../src/domain/privacy/retention.js";
import { aCase } from "../../bot/cards/card-fixtures.js";

const by = { kind: "staff", id: "m1" } as const;
const event = (seq: number, type: CaseEvent["type"], data: object = {}): CaseEvent =>
  ({ seq, type, at: "2026-01-10T10:00:00Z", by, data }) as CaseEvent;
const closed = (...types: CaseEvent["type"][]): Case => {
  const base = aCase().withId("FC-2026-000900").build();
  return {
    ...base,
    state: "closed",
    closedAt: "2026-01-31T12:00:00Z",
    events: [...base.events, ...types.map((t, i) => event(base.events.length + i + 1, t, { reason: "r" }))],
  };
};

describe("the retention schedule", () => {
  it("names each closed case's outcome by how far it went; an open case has none", () => {
    expect(retentionOutcomeOf(aCase().build())).toBeUndefined();
    expect(retentionOutcomeOf(closed("case.marked-not-a-contact"))).toBe("not-a-contact");
    expect(retentionOutcomeOf(closed("screening.decided"))).toBe("closed-at-screening");
    expect(retentionOutcomeOf(closed("screening.decided", "maam.decided"))).toBe("closed-after-maam");
    expect(retentionOutcomeOf(closed("maam.decided", "case.allocated"))).toBe("closed-after-casework");
  });

  it("counts calendar months from closure, the day clamped to the month's end", () => {
    expect(monthsAfter("2026-01-31T12:00:00Z", 1).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(monthsAfter("2026-01-31T12:00:00Z", 72).toISOString()).toBe("2032-01-31T12:00:00.000Z");
  });

  it("is due once the period has passed, kept before it, and held while a legal hold stands", () => {
    const kase = closed("case.marked-not-a-contact");
    const months = PLACEHOLDER_RETENTION_MONTHS["not-a-contact"];
    const from = monthsAfter("2026-01-31T12:00:00Z", months);
    expect(retentionVerdict(kase, PLACEHOLDER_RETENTION_MONTHS, new Date(from.getTime() - 1)).verdict).toBe("kept");
    expect(retentionVerdict(kase, PLACEHOLDER_RETENTION_MONTHS, from).verdict).toBe("due");
    const onHold = closed("case.marked-not-a-contact", "legal-hold.placed");
    expect(onLegalHold(onHold)).toBe(true);
    expect(retentionVerdict(onHold, PLACEHOLDER_RETENTION_MONTHS, from).verdict).toBe("held");
    const lifted = closed("case.marked-not-a-contact", "legal-hold.placed", "legal-hold.lifted");
    expect(retentionVerdict(lifted, PLACEHOLDER_RETENTION_MONTHS, from).verdict).toBe("due");
  });
});
