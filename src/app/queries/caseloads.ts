import { caseloadCheck } from "../../domain/caseload.js";
import type { Staff } from "../../domain/staff.js";
import type { StaffMember } from "../../ports/records.js";
import type { AppDeps } from "../app-deps.js";
import type { Deadline } from "../../domain/rules/deadlines.js";
import { supervisionClocks } from "../supervision/supervision-log.js";
import { staffList } from "./staff-directory.js";

/** The council's full-time week: the Staff table keeps weekly hours, rule 11.3 speaks of full- and part-time. */
const FULL_TIME_HOURS = 37;

export const hoursOf = (member: StaffMember): Staff["hours"] =>
  (member.hoursPerWeek ?? FULL_TIME_HOURS) >= FULL_TIME_HOURS ? "full-time" : "part-time";

/** One practitioner's open cases against their limit (11.3: the profile's for their hours, or their agreed one). */
export interface Caseload {
  readonly member: StaffMember;
  readonly hours: Staff["hours"];
  readonly openCases: number;
  readonly limit: number;
  readonly limitSource: "agreed" | "profile";
  readonly over: boolean;
  /** Running clocks on their cases already past their first due instant. */
  readonly redClocks: number;
}

/**
 * Every practitioner's caseload, from one read of the staff list and one of every worker's list: what the team view
 * shows and what the worker pickers offer, so the two never disagree.
 */
export async function practitionerCaseloads(
  deps: Pick<AppDeps, "staff" | "worklists" | "profile" | "clock">,
): Promise<Caseload[]> {
  const nowIso = deps.clock.now().toISOString();
  const [staff, caseloads] = await Promise.all([staffList(deps), deps.worklists.workerCaseloads()]);
  return staff
    .filter((member) => member.roles.includes("practitioner"))
    .map((member) => {
      const hours = hoursOf(member);
      const caseload = caseloads.get(member.id);
      const openCases = caseload?.cases ?? 0;
      const check = caseloadCheck(
        {
          displayName: member.displayName,
          hours,
          ...(member.caseloadLimit ? { caseloadLimit: member.caseloadLimit } : {}),
        },
        openCases,
        deps.profile,
      );
      return {
        member,
        hours,
        openCases,
        limit: check.limit,
        limitSource: member.caseloadLimit === undefined ? "profile" : "agreed",
        over: check.over,
        // ISO instants compare as time.
        redClocks: (caseload?.clockDues ?? []).filter((at) => at < nowIso).length,
      };
    });
}

/** A practitioner's caseload and their supervision clock (11.6): the team view's row. */
export interface TeamMember extends Caseload {
  /** The latest instance of their supervision clock: running, or met when they have never missed one. */
  readonly supervision?: Deadline;
}

/** Every practitioner's caseload and supervision, for a manager (one point read of each practitioner's log). */
export async function teamFigures(
  deps: Pick<AppDeps, "staff" | "worklists" | "supervisions" | "profile" | "calendar" | "clock">,
): Promise<TeamMember[]> {
  const caseloads = await practitionerCaseloads(deps);
  return Promise.all(
    caseloads.map(async (caseload) => {
      const supervision = (await supervisionClocks(deps, caseload.member.id)).at(-1);
      return { ...caseload, ...(supervision ? { supervision } : {}) };
    }),
  );
}
