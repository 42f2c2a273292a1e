import { systemActor } from "../../domain/actor.js";
import type { CaseEvent } from "../../domain/case-events.js";
import { CaseError, CaseTransitionError } from "../../domain/errors.js";
import { checkAllowed } from "../../domain/lifecycle/command-rules.js";
import type { CommandOf } from "../../domain/lifecycle/commands.js";
import { transferIdOf, transferOf } from "../../domain/lifecycle/decide-transfer.js";
import { UnknownCentreError, type Centres, type TransferReceived } from "../../ports/centres.js";
import type { StoredCase } from "../../ports/cases.js";
import type { AppDeps } from "../app-deps.js";
import type { ChangeRequest } from "../casework/record-change.js";
import { changeCase } from "../change-case.js";
import type { Decider } from "../decider.js";
import { changedSinceRead } from "../errors.js";
import { refused, refusalsAsValues, type Refused } from "../outcome.js";
import { cancelAcknowledgements, contactIdsOf } from "../triage-decision.js";

export interface TransferInput {
  /** The receiving centre's id, one of `centres.otherCentres()`. */
  readonly toCentre: string;
  readonly note?: string;
}

/**
 * The sending case's `case.transferred` (who, when, to which centre and which case there); `already-recorded`: a
 * second click, a retry or a colleague got there first, and nothing new was written.
 */
export type TransferDone =
  | { readonly status: "recorded"; readonly event: CaseEvent<"case.transferred"> }
  | { readonly status: "already-recorded"; readonly event: CaseEvent<"case.transferred"> };

type TransferDeps = Pick<
  AppDeps,
  | "cases"
  | "worklists"
  | "deadlines"
  | "compliance"
  | "projections"
  | "outbox"
  | "profile"
  | "calendar"
  | "clock"
  | "logger"
  | "centres"
>;

/**
 * Issue 21 §4: a duty worker or manager transfers a case (before or after screening) to another centre of the county.
 * The receiving centre's case is written first, keyed by the transfer id (see `receiveTransfer`); then this case
 * closes as transferred to it. A crash between the two leaves the receiving case and the ledger's record of it: a
 * retry, a second click or the nightly repair (`completeTransfers`) finds them and writes only what is missing.
 */
export function transferToCentre(
  deps: TransferDeps,
  caseId: string,
  who: Decider,
  input: TransferInput,
  request: ChangeRequest = {},
): Promise<TransferDone | Refused> {
  return refusalsAsValues(async (): Promise<TransferDone | Refused> => {
    const { centres } = deps;
    if (centres === undefined || centres.otherCentres().length === 0) {
      return refused("CENTRE.NONE", "This deployment serves one centre only: there is no other centre to transfer to.");
    }
    const target = centres.otherCentres().find((c) => c.id === input.toCentre);
    if (target === undefined) throw new UnknownCentreError(input.toCentre);
    const stored = await deps.cases.getCase(caseId);
    const earlier = transferOf(stored.case);
    if (earlier !== undefined) return followThrough(deps, stored, { status: "already-recorded", event: earlier });
    if (request.expectedEtag !== undefined && stored.etag !== request.expectedEtag) {
      throw changedSinceRead(`Case ${caseId}`);
    }
    // Who may and where the case is, asked before anything is written at the other centre.
    const asked = { transferId: transferIdOf(centres.self.id, caseId), toCentre: target.id, note: input.note };
    checkAllowed(stored.case, command(asked, { centre: target, caseId: "?", status: "received" }), {
      profile: deps.profile,
      ...who,
      now: deps.clock.now(),
    });
    return complete(deps, centres, stored, who, asked);
  });
}

type Asked = { readonly transferId: string; readonly toCentre: string; readonly note?: string | undefined };

const command = (asked: Asked, received: TransferReceived): CommandOf<"transferToCentre"> => ({
  type: "transferToCentre",
  transferId: asked.transferId,
  toCentre: received.centre.id,
  toCentreName: received.centre.name,
  toCaseId: received.caseId,
  ...(asked.note?.trim() ? { note: asked.note.trim() } : {}),
});

/** Receiving side first (idempotent by transfer id), then this case's event, once; a lost race reads the winner's. */
async function complete(
  deps: TransferDeps,
  centres: Centres,
  stored: StoredCase,
  who: Decider,
  asked: Asked,
): Promise<TransferDone> {
  const received = await centres.receiveTransfer({
    id: asked.transferId,
    from: centres.self,
    toCentre: asked.toCentre,
    case: stored.case,
    contacts: stored.contacts,
    by: who.actor,
  });
  return followThrough(deps, stored, await recordOnce(deps, stored, who, command(asked, received)));
}

/**
 * The sending centre's acknowledgements that had not gone never will: the receiving centre writes to the referrer.
 * Derived from the transfer on the log, so a repeated click or a retry makes sure of it too.
 */
async function followThrough(deps: TransferDeps, stored: StoredCase, done: TransferDone): Promise<TransferDone> {
  const { toCentre, toCaseId } = done.event.data;
  const why = `at transfer: case ${stored.case.id} went to ${toCentre} as ${toCaseId}`;
  await cancelAcknowledgements(deps, stored.case.id, contactIdsOf(stored.case), why);
  return done;
}

async function recordOnce(
  deps: TransferDeps,
  stored: StoredCase,
  who: Decider,
  transfer: CommandOf<"transferToCentre">,
): Promise<TransferDone> {
  const caseId = stored.case.id;
  try {
    const change = await changeCase(deps, caseId, who, transfer, { loaded: stored });
    const event = transferOf(change.case);
    if (event === undefined) throw new Error(`Case ${caseId}: the transfer was saved but is not on its log.`);
    deps.logger.info("transfer.sent", { caseId, toCentre: transfer.toCentre, toCaseId: transfer.toCaseId });
    return { status: "recorded", event };
  } catch (error) {
    if (!(error instanceof CaseTransitionError)) throw error;
    const winner = transferOf((await deps.cases.getCase(caseId)).case);
    if (winner === undefined) throw error;
    return { status: "already-recorded", event: winner };
  }
}

const REPAIR = systemActor("transfer-repair");

/**
 * The nightly repair's part: every transfer out of this centre the county's ledger holds whose sending case does not
 * show it yet (a crash after the receiving case was written) is finished, by the service, as it was started. Returns
 * how many it finished.
 */
export async function completeTransfers(deps: TransferDeps): Promise<number> {
  const { centres } = deps;
  if (centres === undefined) return 0;
  let completed = 0;
  for (const record of await centres.transfersFrom()) {
    const stored = await deps.cases.findCase(record.fromCaseId);
    // Gone (retention) or already closed as transferred: nothing is half done.
    if (stored === undefined || transferOf(stored.case) !== undefined) continue;
    const asked = {
      transferId: record.transferId,
      toCentre: record.toCentre,
      note: "Completed by the nightly repair.",
    };
    try {
      const done = await complete(deps, centres, stored, { actor: REPAIR, roles: [] }, asked);
      if (done.status === "recorded") completed += 1;
    } catch (error) {
      // The case moved on since (closed another way): a person decides; the other transfers still complete.
      if (!(error instanceof CaseError)) throw error;
      deps.logger.warn("transfer.repair-refused", { caseId: record.fromCaseId, code: error.code });
    }
  }
  if (completed > 0) deps.logger.info("transfer.repaired", { completed });
  return completed;
}
