import type { CaseActionSpec } from "./case-action.js";
import { BEXLEY_ACTIONS } from "./catalogue/bexley.js";
import { CASEWORK_ACTIONS } from "./catalogue/casework.js";
import { CENTRE_ACTIONS } from "./catalogue/centres.js";
import { DATA_PROTECTION_ACTIONS } from "./catalogue/data-protection.js";
import { DECISION_ACTIONS } from "./catalogue/decisions.js";
import { JOURNEY_ACTIONS, SUPERVISION_ACTION } from "./catalogue/journey.js";
import { OVERSIGHT_ACTIONS } from "./catalogue/oversight.js";
import { SAFEGUARDING_ACTIONS } from "./catalogue/safeguarding.js";

/** Every intention a person can have about a case, in the order a case page lists them. */
export const CASE_ACTIONS: readonly CaseActionSpec[] = [
  ...DECISION_ACTIONS,
  ...JOURNEY_ACTIONS.slice(0, 3),
  ...CASEWORK_ACTIONS,
  ...BEXLEY_ACTIONS,
  ...JOURNEY_ACTIONS.slice(3),
  ...OVERSIGHT_ACTIONS,
  ...SAFEGUARDING_ACTIONS,
  ...CENTRE_ACTIONS,
  SUPERVISION_ACTION,
  ...DATA_PROTECTION_ACTIONS,
];

export const actionById = (id: string): CaseActionSpec | undefined => CASE_ACTIONS.find((a) => a.id === id);
