import type { CaseEvent, CaseEventData, CaseEventType } from "../../../../src/domain/case-events.js";

/** A case's event log from [type, at, data] rows, numbered in order. */
export function log(...entries: [CaseEventType, string, Record<string, unknown>?][]): CaseEvent[] {
  return entries.map(
    ([type, at, data = {}], i) =>
      ({
        seq: i + 1,
        type,
        at,
        by: { kind: "staff", id: "w1" },
        data: data as CaseEventData[typeof type],
      }) as CaseEvent,
  );
}
