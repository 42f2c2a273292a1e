export type { CaseCommand, CaseCommandType, CommandContext } from "./commands.js";
export { decide } from "./decide.js";
export { append, evolve, replay } from "./evolve.js";
export { caseSeed, openCase, type OpenCaseInput } from "./open-case.js";
export { STATE_PHRASES } from "./command-rules.js";
export { recordSupervision, type RecordSupervisionInput } from "./supervision.js";
export { checkLinkTarget, triageDecisionOf, type TriageDecision } from "./decide-triage.js";
