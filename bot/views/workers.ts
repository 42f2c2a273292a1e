import { caseloadCheck } from "../../src/domain/caseload.js";
import type { BotDeps } from "../bot-deps.js";
import type { WorkerChoice } from "../cards/elements/decision.js";
import { hoursOf, staffList } from "../people.js";

/** Practitioners who can be allocated, with their open cases and limit (rule 11.3), for worker pickers. */
export async function workerChoices(deps: BotDeps): Promise<WorkerChoice[]> {
  const [staff, caseloads] = await Promise.all([staffList(deps), deps.app.worklists.workerCaseloads()]);
  return staff
    .filter((m) => m.roles.includes("practitioner"))
    .map((member) => {
      const openCases = caseloads.get(member.id)?.cases ?? 0;
      const { limit } = caseloadCheck(
        {
          displayName: member.displayName,
          hours: hoursOf(member),
          ...(member.caseloadLimit ? { caseloadLimit: member.caseloadLimit } : {}),
        },
        openCases,
        deps.app.profile,
      );
      return { id: member.id, name: member.displayName, openCases, limit };
    });
}
