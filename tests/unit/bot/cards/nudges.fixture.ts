import { aCase, clocksAt } from "./card-fixtures.js";

// Received Mon 2 Nov 10:00; on Fri 6 Nov the 1.2 acknowledgement is past its maximum (end of Thu 5 Nov).
const kase = aCase().withId("FC-2026-000800").receivedAt("2026-11-02T10:00:00Z").build();
export const breached = {
  caseId: kase.id,
  deadline: clocksAt(kase, "2026-11-06T10:00:00Z").find((d) => d.ruleId === "1.2")!,
};
