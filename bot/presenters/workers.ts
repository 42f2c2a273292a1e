import { practitionerCaseloads } from "../../src/app/queries/caseloads.js";
import type { BotDeps } from "../bot-deps.js";
import type { WorkerChoice } from "../cards/elements/decision.js";

/** Practitioners who can be allocated, with their open cases and limit (rule 11.3): the team view's own figures. */
export async function workerChoices(deps: BotDeps): Promise<WorkerChoice[]> {
  return (await practitionerCaseloads(deps.app)).map((c) => ({
    id: c.member.id,
    name: c.member.displayName,
    openCases: c.openCases,
    limit: c.limit,
  }));
}
