import type { Case, CaseState } from "../case.js";
import type { CaseEvent, NewCaseEvent } from "../case-events.js";
import { closesCaseOutright } from "../case-closing.js";
import { effectOf, type DecisionPoint, type OutcomeEffect } from "./outcomes.js";

type Direction = CaseEvent<"transfer-panel.decided">["data"]["direction"];

/**
 * The case after one more event. The event log is the truth: `replay` of a case's opening seed and its log
 * always gives the case, so the store's case row is a cache that can be rebuilt.
 */
export function evolve(kase: Case, event: CaseEvent): Case {
  const next = { ...kase, events: [...kase.events, event] };
  return { ...next, ...changes(kase, event) };
}

export function replay(seed: Case, events: readonly CaseEvent[]): Case {
  return events.reduce(evolve, seed);
}

/** Gives new events their places in the log (seq) and applies them. */
export function append(kase: Case, events: readonly NewCaseEvent[]): Case {
  const lastSeq = kase.events.at(-1)?.seq ?? 0;
  return events.reduce<Case>(
    (current, event, i) => evolve(current, { ...event, seq: lastSeq + i + 1 } as CaseEvent),
    kase,
  );
}

type Changes = Partial<Omit<Case, "events">>;

const closed = (at: string): Changes => ({
  state: "closed",
  closedAt: at,
  leadWorkerId: undefined,
  wraparoundWorkerId: undefined,
});

/** With a lead, casework goes on; without one the case waits for allocation. */
const allocatedOrWaiting = (kase: Case): CaseState => (kase.leadWorkerId ? "allocated" : "awaiting-allocation");

function afterDecision(kase: Case, point: DecisionPoint, outcome: string, at: string, direction?: Direction): Changes {
  const effect: OutcomeEffect | undefined = effectOf(point, outcome);
  switch (effect) {
    case "await-screening":
      return { state: "awaiting-screening" };
    case "await-maam":
      return { state: "awaiting-maam" };
    case "await-allocation":
      return { state: "awaiting-allocation" };
    case "pre-allocation":
      return { state: "pre-allocation" };
    case "escalate":
      return { state: "escalated" };
    case "wraparound":
      return { state: "wraparound" };
    case "close":
      return closed(at);
    case "transfer":
      return direction === "to-social-care" ? { state: "escalated" } : { state: allocatedOrWaiting(kase) };
    case "no-transfer":
      return direction === "to-social-care" ? { state: allocatedOrWaiting(kase) } : closed(at);
    case undefined:
      return {};
  }
}

function changes(kase: Case, event: CaseEvent): Changes {
  if (closesCaseOutright(event)) return closed(event.at);
  switch (event.type) {
    case "contact.received": {
      const { kind, followUp } = event.data;
      // A step-down on a case Social Care held (6.1) brings it back to Early Help and ends any wraparound.
      const returning = kase.state === "escalated" || kase.state === "wraparound";
      return kind === "step-down-from-social-care" && !followUp && returning
        ? { state: allocatedOrWaiting(kase), wraparoundWorkerId: undefined }
        : {};
    }
    case "referrer.confirmed":
      return { referrer: event.data.referrer };
    case "consent.recorded":
      return { state: kase.frontDoor ? "awaiting-front-door-decision" : "awaiting-screening" };
    case "front-door.decided":
      return afterDecision(kase, "front-door", event.data.outcome, event.at);
    case "screening.decided":
      return afterDecision(kase, "screening", event.data.outcome, event.at);
    case "maam.decided":
      return afterDecision(kase, "maam", event.data.outcome, event.at);
    case "transfer-panel.requested":
      return { state: "awaiting-transfer-panel" };
    case "transfer-panel.decided":
      return afterDecision(kase, "transfer-panel", event.data.outcome, event.at, event.data.direction);
    case "case.allocated":
      return event.data.role === "lead"
        ? { state: "allocated", leadWorkerId: event.data.workerId }
        : { wraparoundWorkerId: event.data.workerId };
    case "case.reallocated": {
      const { fromWorkerId, toWorkerId, role } = event.data;
      if (role === "lead") return { leadWorkerId: toWorkerId };
      // 7.3: the key worker leaves the lead role when reallocated as wraparound.
      return {
        wraparoundWorkerId: toWorkerId,
        ...(fromWorkerId === kase.leadWorkerId ? { leadWorkerId: undefined } : {}),
      };
    }
    case "escalation.recorded":
      return { state: "escalated" };
    case "social-care.level4-confirmed":
      return { state: "wraparound" };
    case "wraparound.requested":
      return { state: "awaiting-screening" };
    case "closure.requested":
      return { state: "closure-requested" };
    case "case.flagged-high-risk":
      return { highRisk: true };
    case "case.high-risk-cleared":
      return { highRisk: undefined };
    case "closure.rejected":
      return { state: kase.leadWorkerId ? "allocated" : "wraparound" };
    default:
      return {};
  }
}
