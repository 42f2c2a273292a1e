import type { Actor } from "../../../../src/domain/actor.js";
import type { Case } from "../../../../src/domain/case.js";
import type { NewCaseEvent } from "../../../../src/domain/case-events.js";
import type { CaseCommand } from "../../../../src/domain/lifecycle/commands.js";
import { decide } from "../../../../src/domain/lifecycle/decide.js";
import { append } from "../../../../src/domain/lifecycle/evolve.js";
import type { Profile } from "../../../../src/domain/rules/profile-schema.js";
import type { StaffRole } from "../../../../src/domain/staff.js";

/** People of the Family Centre, by what they do. */
export const people = {
  dutyWorker: { actor: { kind: "staff", id: "staff-duty" } as Actor, roles: ["duty-worker"] as StaffRole[] },
  panelMember: { actor: { kind: "staff", id: "staff-panel" } as Actor, roles: ["panel-member"] as StaffRole[] },
  practitioner: { actor: { kind: "staff", id: "staff-prac" } as Actor, roles: ["practitioner"] as StaffRole[] },
  manager: { actor: { kind: "staff", id: "staff-mgr" } as Actor, roles: ["manager"] as StaffRole[] },
  admin: { actor: { kind: "staff", id: "staff-admin" } as Actor, roles: ["admin"] as StaffRole[] },
};
export type Person = (typeof people)[keyof typeof people];

/** A person gives a command at an instant; returns the events and the case after them. */
export function act(
  kase: Case,
  profile: Profile,
  who: Person,
  at: string,
  command: CaseCommand,
): { case: Case; events: NewCaseEvent[] } {
  const events = decide(kase, command, { profile, actor: who.actor, roles: who.roles, now: new Date(at) });
  return { case: append(kase, events), events };
}

/** The error a synchronous call throws; fails the test when it throws nothing. */
export function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected the command to be refused, but it was carried out");
}
