import { describe, expect, it } from "vitest";
import type { CaseReportFacts, ClockOutcomeEntry } from "../../../src/ports/indexes.js";
import type { MakeHarness } from "./harness.js";

const met = (caseId: string, finishedOn: string, outcome: ClockOutcomeEntry["outcome"]): ClockOutcomeEntry => ({
  caseId,
  rule: "1.2",
  instance: 1,
  finishedOn,
  outcome,
});

const facts = (over: Partial<CaseReportFacts> = {}): CaseReportFacts => ({
  clockOutcomes: [],
  decisions: [],
  ...over,
});

export function complianceContract(fresh: MakeHarness): void {
  describe("compliance index", () => {
    it("finds the clocks that finished in a period of London days, across months, and no others", async () => {
      const { store } = await fresh();
      await store.compliance.replaceForCase(
        "FC-2026-000001",
        3,
        facts({ clockOutcomes: [met("FC-2026-000001", "2026-01-31", "late")] }),
      );
      await store.compliance.replaceForCase(
        "FC-2026-000002",
        3,
        facts({ clockOutcomes: [met("FC-2026-000002", "2026-02-01", "on-time")] }),
      );
      await store.compliance.replaceForCase(
        "FC-2026-000003",
        3,
        facts({ clockOutcomes: [met("FC-2026-000003", "2026-02-02", "on-time")] }),
      );

      const found = await store.compliance.clockOutcomes("2026-01-31", "2026-02-01");

      expect(found.map((e) => [e.caseId, e.outcome]).sort()).toEqual([
        ["FC-2026-000001", "late"],
        ["FC-2026-000002", "on-time"],
      ]);
    });

    it("finds check stages (rule 9) in a period of London days, and keeps a clock that closed unmet", async () => {
      const { store } = await fresh();
      await store.compliance.replaceForCase(
        "FC-2026-000005",
        9,
        facts({
          clockOutcomes: [{ ...met("FC-2026-000005", "2026-04-01", "late"), withinMaximum: false, unmet: true }],
          checkOutcomes: [
            { caseId: "FC-2026-000005", rule: "9", seq: 4, stageOn: "2026-03-31", outcome: "evidenced" },
            { caseId: "FC-2026-000005", rule: "9", seq: 7, stageOn: "2026-04-01", outcome: "missing" },
          ],
        }),
      );

      expect(await store.compliance.checkOutcomes("2026-04-01", "2026-04-30")).toEqual([
        { caseId: "FC-2026-000005", rule: "9", seq: 7, stageOn: "2026-04-01", outcome: "missing" },
      ]);
      expect(await store.compliance.clockOutcomes("2026-04-01", "2026-04-01")).toEqual([
        { ...met("FC-2026-000005", "2026-04-01", "late"), withinMaximum: false, unmet: true },
      ]);
    });

    it("keeps exactly a case's latest facts: a reopened clock's old row goes, an older view never overwrites", async () => {
      const { store } = await fresh();
      await store.compliance.replaceForCase(
        "FC-2026-000004",
        2,
        facts({ clockOutcomes: [met("FC-2026-000004", "2026-03-02", "late")] }),
      );
      await store.compliance.replaceForCase(
        "FC-2026-000004",
        5,
        facts({ clockOutcomes: [{ ...met("FC-2026-000004", "2026-03-02", "late"), reason: "Family on holiday" }] }),
      );
      await store.compliance.replaceForCase("FC-2026-000004", 4, facts());

      expect(await store.compliance.clockOutcomes("2026-03-01", "2026-03-31")).toEqual([
        { ...met("FC-2026-000004", "2026-03-02", "late"), reason: "Family on holiday" },
      ]);
    });

    it("lists the decisions of a London day, oldest first", async () => {
      const { store } = await fresh();
      const decision = {
        panel: "screening",
        outcome: "maam",
        decidedOn: "2026-03-03",
        byId: "w1",
        byKind: "staff" as const,
      };
      await store.compliance.replaceForCase(
        "FC-2026-000005",
        4,
        facts({ decisions: [{ ...decision, caseId: "FC-2026-000005", seq: 4, at: "2026-03-03T11:00:00.000Z" }] }),
      );
      await store.compliance.replaceForCase(
        "FC-2026-000006",
        4,
        facts({ decisions: [{ ...decision, caseId: "FC-2026-000006", seq: 4, at: "2026-03-03T09:00:00.000Z" }] }),
      );

      const day = await store.compliance.decisionsOn("2026-03-03");

      expect(day.map((d) => d.caseId)).toEqual(["FC-2026-000006", "FC-2026-000005"]);
      expect(await store.compliance.decisionsOn("2026-03-04")).toEqual([]);
    });

    it("pages open cases by when they opened and drops a case once it closes", async () => {
      const { store } = await fresh();
      for (const [n, openedAt] of [
        [7, "2025-01-10T10:00:00.000Z"],
        [8, "2025-02-10T10:00:00.000Z"],
        [9, "2025-12-10T10:00:00.000Z"],
      ] as const) {
        const caseId = `FC-2025-00000${n}`;
        await store.compliance.replaceForCase(caseId, 1, facts({ open: { caseId, openedAt } }));
      }
      await store.compliance.replaceForCase("FC-2025-000008", 2, facts());

      const first = await store.compliance.openBetween("2000-01-01T00:00:00.000Z", "2025-12-01T00:00:00.000Z", {
        top: 1,
      });

      expect(first.items.map((e) => e.caseId)).toEqual(["FC-2025-000007"]);
      const rest = first.continuation
        ? await store.compliance.openBetween("2000-01-01T00:00:00.000Z", "2025-12-01T00:00:00.000Z", {
            continuation: first.continuation,
          })
        : { items: [] };
      expect(rest.items).toEqual([]);
    });
  });
}
