import {
  agreeSignposting,
  disputeThreshold,
  recordConsent,
  resolveThresholdDispute,
} from "../../casework/bexley-front-door.js";
import { recordEndingLetter, recordHandoverMeeting, recordTransferSummary } from "../../casework/transfer.js";
import { flag, longText, text, yesNo } from "../action-inputs.js";
import { asActionOutcome } from "../action-outcomes.js";
import type { CaseCommandType } from "../../../domain/lifecycle/index.js";
import type { ActionContext, CaseActionSpec } from "../case-action.js";

const transferPanel = (ctx: ActionContext) => ctx.profile.panels.find((p) => p.id === "transfer-panel");

/** A step with only a note saying why, taken by the named use case. */
const noted = (
  id: string,
  label: string,
  command: CaseCommandType,
  event: CaseActionSpec["events"][number],
  useCase: typeof disputeThreshold,
): CaseActionSpec => ({
  id,
  label,
  allowed: { command },
  events: [event],
  inputs: () => [longText("note", "Why", true)],
  run: async (deps, caseId, who, values, request) =>
    asActionOutcome(await useCase(deps, caseId, who, { note: text(values, "note") ?? "" }, request)),
});

/** Seed 002's steps (consent, the Front Door's threshold, signposting, the transfer panel's follow-up). */
export const BEXLEY_ACTIONS: readonly CaseActionSpec[] = [
  {
    id: "record-consent",
    label: "Record the parents' written consent",
    allowed: { command: "recordConsent" },
    events: ["consent.recorded"],
    inputs: () => [
      yesNo("given", "Written consent given"),
      yesNo("overridden", "Not given, but overridden on a recorded manager decision"),
    ],
    run: async (deps, caseId, who, values, request) =>
      asActionOutcome(
        await recordConsent(
          deps,
          caseId,
          who,
          { given: flag(values, "given"), overriddenByManagerDecision: flag(values, "overridden") },
          request,
        ),
      ),
  },
  noted(
    "dispute-threshold",
    "Dispute the threshold decision",
    "disputeThreshold",
    "threshold.disputed",
    disputeThreshold,
  ),
  noted(
    "resolve-threshold-dispute",
    "Record how the threshold dispute was resolved",
    "resolveThresholdDispute",
    "threshold-dispute.resolved",
    resolveThresholdDispute,
  ),
  noted(
    "agree-signposting",
    "Agree to close and signpost the family",
    "agreeSignposting",
    "signposting.agreed",
    agreeSignposting,
  ),
  {
    id: "record-transfer-summary",
    label: "Write the transfer summary for the panel",
    allowed: { command: "recordTransferSummary" },
    events: ["transfer-summary.recorded"],
    offered: (ctx) => (transferPanel(ctx)?.summaryFields.length ?? 0) > 0,
    inputs: (ctx) => (transferPanel(ctx)?.summaryFields ?? []).map((f) => longText(`summary.${f.id}`, f.label)),
    run: async (deps, caseId, who, values, request) => {
      const fields = Object.fromEntries(
        Object.entries(values)
          .filter(([name, value]) => name.startsWith("summary.") && typeof value === "string")
          .map(([name, value]) => [name.slice("summary.".length), value as string]),
      );
      return asActionOutcome(await recordTransferSummary(deps, caseId, who, { fields }, request));
    },
  },
  {
    id: "record-handover-meeting",
    label: "Record the hand-over meeting",
    allowed: { command: "recordHandoverMeeting" },
    events: ["handover-meeting.held"],
    inputs: () => [],
    run: async (deps, caseId, who, _values, request) =>
      asActionOutcome(await recordHandoverMeeting(deps, caseId, who, {}, request)),
  },
  {
    id: "record-ending-letter",
    label: "Record the ending letter sent to the family",
    allowed: { command: "recordEndingLetter" },
    events: ["ending-letter.sent"],
    inputs: () => [],
    run: async (deps, caseId, who, _values, request) =>
      asActionOutcome(await recordEndingLetter(deps, caseId, who, {}, request)),
  },
];
