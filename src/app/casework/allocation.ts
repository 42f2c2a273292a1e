import { caseUseCase } from "./record-change.js";

/** Allocates the case to a practitioner (2.3, 3.2, 6.1 stop here; 11.3's caseload limit is a warning). */
export const allocateCase = caseUseCase((allocation: { readonly workerId: string }) => ({
  type: "allocate",
  workerId: allocation.workerId,
}));

/** A manager moves the case to another worker, saying why (seed 000: a family is never left without a lead). */
export const reallocateCase = caseUseCase((change: { readonly toWorkerId: string; readonly reason: string }) => ({
  type: "reallocate",
  toWorkerId: change.toWorkerId,
  reason: change.reason,
}));
