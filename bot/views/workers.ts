import { caseloadCheck } from "../../src/domain/caseload.js";
import { workerList } from "../../src/domain/worklists.js";
import type { Worklists } from "../../src/ports.js";
import type { BotDeps } from "../bot-deps.js";
import type { WorkerChoice } from "../cards/elements/decision.js";
import { hoursOf, staffList } from "../people.js";

async function countList(worklists: Worklists, name: Parameters<Worklists["list"]>[0]): Promise<number> {
  let count = 0;
  let continuation: string | undefined;
  do {
    const page = await worklists.list(name, continuation ? { continuation } : {});
    count += page.items.length;
    continuation = page.continuation;
  } while (continuation !== undefined);
  return count;
}

/** Practitioners who can be allocated, with their open cases and limit (rule 11.3), for worker pickers. */
export async function workerChoices(deps: BotDeps): Promise<WorkerChoice[]> {
  const practitioners = (await staffList(deps)).filter((m) => m.roles.includes("practitioner"));
  return Promise.all(
    practitioners.map(async (member) => {
      const openCases = await countList(deps.app.worklists, workerList(member.id));
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
    }),
  );
}
