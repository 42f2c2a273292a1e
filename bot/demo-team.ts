import type { StaffMember } from "../src/ports/records.js";
import { AlreadyExistsError } from "../src/ports/errors.js";
import type { BotDeps } from "./bot-deps.js";

/** LOCAL MODE ONLY: a made-up team, so worker pickers, caseloads and panels have someone to show. */
export const DEMO_TEAM: readonly StaffMember[] = [
  { id: "demo-manager", displayName: "Demo Manager", email: "manager@familycentre.example", roles: ["manager"] },
  {
    id: "demo-practitioner-ft",
    displayName: "Demo Practitioner (full-time)",
    email: "practitioner.ft@familycentre.example",
    roles: ["practitioner"],
    hoursPerWeek: 37,
    managerId: "demo-manager",
  },
  {
    id: "demo-practitioner-pt",
    displayName: "Demo Practitioner (part-time)",
    email: "practitioner.pt@familycentre.example",
    roles: ["practitioner"],
    hoursPerWeek: 22.5,
    managerId: "demo-manager",
  },
  {
    id: "demo-duty-worker",
    displayName: "Demo Duty Worker",
    email: "duty@familycentre.example",
    roles: ["duty-worker"],
    managerId: "demo-manager",
  },
  {
    id: "demo-panel-member",
    displayName: "Demo Panel Member",
    email: "panel@familycentre.example",
    roles: ["panel-member"],
  },
];

/** Adds the demo team where it is missing; a second run (or a second instance) changes nothing. */
export async function seedDemoTeam(deps: Pick<BotDeps, "staff">): Promise<void> {
  for (const member of DEMO_TEAM) {
    try {
      await deps.staff.put(member.id, member);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }
}
