import { AlreadyExistsError } from "../../ports/errors.js";
import type { RecordStore, StaffMember } from "../../ports/records.js";

/** LOCAL MODE ONLY: a made-up team, so worker pickers, caseloads, panels and Settings have someone to show. */
export const DEMO_STAFF: readonly StaffMember[] = [
  { id: "demo-admin", displayName: "Demo Admin", email: "admin@familycentre.example", roles: ["admin"] },
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

/** With several centres: someone who works in the second centre only, so the tab shows her no centre switcher. */
export const DEMO_SECOND_CENTRE_STAFF: readonly StaffMember[] = [
  {
    id: "demo-second-centre-manager",
    displayName: "Demo Second Centre Manager",
    email: "manager2@familycentre.example",
    roles: ["manager", "duty-worker"],
  },
];

/** On the county's staff list: reads every centre's compliance and team views, and the county's, no case. */
export const DEMO_COUNTY_STAFF: readonly StaffMember[] = [
  {
    id: "demo-county-manager",
    displayName: "Demo County Manager",
    email: "county.manager@council.example",
    roles: ["county-manager"],
  },
];

/** Adds the demo staff where they are missing; a second run (or a second instance) changes nothing. */
export async function seedDemoStaff(
  staff: Pick<RecordStore<StaffMember>, "put">,
  members: readonly StaffMember[] = DEMO_STAFF,
): Promise<void> {
  for (const member of members) {
    try {
      await staff.put(member.id, member);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }
}
