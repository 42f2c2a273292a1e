import { mayReadCase } from "../access/case-access.js";
import type { AppDeps } from "../app-deps.js";
import { audit, type Door } from "../audit.js";
import { refused, type Refused } from "../outcome.js";
import type { StaffCaller } from "../people.js";
import { caseDetailOf, type CaseDetailReading } from "./case-detail.js";

type ReadCaseDeps = Pick<AppDeps, "cases" | "outbox" | "profile" | "calendar" | "clock" | "audit">;

/** A case the caller has no need to know about reads as one that does not exist: references are sequential. */
const notFound = (caseId: string): Refused =>
  refused("CASE.NOT_FOUND", `There is no case ${caseId} you can open. Check the reference, or ask its lead worker.`);

/**
 * One case in full, for someone who needs to know it (`mayReadCase`), from the tab or the bot alike. Every read,
 * and every refused one, is audited.
 */
export async function readCaseFor(
  deps: ReadCaseDeps,
  caller: StaffCaller,
  caseId: string,
  via: Door,
): Promise<CaseDetailReading | Refused> {
  const detail = await caseDetailOf(deps, caseId);
  if (detail === undefined) return notFound(caseId);
  if (!mayReadCase(caller, detail.stored.case)) {
    await audit(deps, caller, "case.read-refused", caseId, via);
    return notFound(caseId);
  }
  await audit(deps, caller, "case.read", caseId, via);
  return detail;
}
