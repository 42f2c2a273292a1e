import { caseUseCase } from "./record-change.js";

/** 11.5: a manager flags the case among the team's most intensive or high-risk, saying why. */
export const flagHighRisk = caseUseCase((flag: { readonly note: string }) => ({
  type: "flagHighRisk",
  note: flag.note,
}));

/** 11.5: a manager clears the flag, saying why. */
export const clearHighRisk = caseUseCase((clear: { readonly note: string }) => ({
  type: "clearHighRisk",
  note: clear.note,
}));
