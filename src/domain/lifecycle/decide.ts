import type { Case } from "../case.js";
import type { NewCaseEvent } from "../case-events.js";
import { checkAllowed } from "./command-rules.js";
import type { CaseCommand, CaseCommandType, CommandContext, CommandOf } from "./commands.js";
import {
  attachFollowUpContact,
  confirmReferrer,
  recordAcknowledgementNotDelivered,
  recordLetterSent,
  recordReceivedAgain,
  recordRescuedMail,
  recordFrontDoorRoute,
} from "./decide-contacts.js";
import * as casework from "./decide-casework.js";
import * as closure from "./decide-closure.js";
import * as decisions from "./decide-decisions.js";
import * as threshold from "./decide-threshold.js";
import * as lado from "./decide-lado.js";
import * as risk from "./decide-risk.js";
import * as triage from "./decide-triage.js";
import { transferToCentre } from "./decide-transfer.js";

type Handler<K extends CaseCommandType> = (kase: Case, command: CommandOf<K>, ctx: CommandContext) => NewCaseEvent[];

const HANDLERS: { [K in CaseCommandType]: Handler<K> } = {
  recordScreeningDecision: decisions.recordScreeningDecision,
  recordMaamDecision: decisions.recordMaamDecision,
  recordFrontDoorDecision: decisions.recordFrontDoorDecision,
  recordTransferPanelDecision: decisions.recordTransferPanelDecision,
  recordTransferSummary: decisions.recordTransferSummary,
  recordConsent: decisions.recordConsent,
  recordEscalation: decisions.recordEscalation,
  confirmLevel4: decisions.confirmLevel4,
  receiveStepDownFromSocialCare: decisions.receiveStepDownFromSocialCare,
  receiveWraparoundRequest: decisions.receiveWraparoundRequest,
  allocate: casework.allocate,
  reallocate: casework.reallocate,
  recordPreAllocationContact: casework.recordPreAllocationContact,
  recordInitialContact: casework.recordInitialContact,
  recordVisit: casework.recordVisit,
  completeAssessment: casework.completeAssessment,
  recordAssessmentNotRequired: casework.recordAssessmentNotRequired,
  auditAssessment: casework.auditAssessment,
  completePlan: casework.completePlan,
  holdReview: casework.holdReview,
  recordCaseNote: casework.recordCaseNote,
  recordClockReason: casework.recordClockReason,
  recordHandoverMeeting: casework.recordHandoverMeeting,
  recordEndingLetter: casework.recordEndingLetter,
  requestClosure: closure.requestClosure,
  rejectClosure: closure.rejectClosure,
  signOffClosure: closure.signOffClosure,
  disputeThreshold: threshold.disputeThreshold,
  resolveThresholdDispute: threshold.resolveThresholdDispute,
  agreeSignposting: threshold.agreeSignposting,
  flagHighRisk: risk.flagHighRisk,
  clearHighRisk: risk.clearHighRisk,
  recordAllegation: lado.recordAllegation,
  recordLadoNotification: lado.recordLadoNotification,
  recordLadoResponse: lado.recordLadoResponse,
  attachFollowUpContact,
  recordReceivedAgain,
  recordRescuedMail,
  recordFrontDoorRoute,
  confirmReferrer,
  recordLetterSent,
  recordAcknowledgementNotDelivered,
  linkContactToCase: triage.linkContactToCase,
  receiveLinkedContact: triage.receiveLinkedContact,
  markNotAContact: triage.markNotAContact,
  transferToCentre,
};

/**
 * The events a command produces on a case, or a typed error saying why it cannot happen
 * (CaseTransitionError, CaseForbiddenError, UnknownOutcomeError, ClosureNotReadyError, InvalidCaseCommandError).
 * Pure: the caller appends the events (see `append`) and saves them with the case.
 */
export function decide(kase: Case, command: CaseCommand, ctx: CommandContext): NewCaseEvent[] {
  checkAllowed(kase, command, ctx);
  const handler = HANDLERS[command.type] as Handler<CaseCommandType>;
  return handler(kase, command, ctx);
}
