import type { ProfileInput } from "../../../domain/rules/profile-schema.js";

export type RuleInput = ProfileInput["rules"][number];

/** The key citations use for seed 003; `family-solutions.ts` lists it in `documents`. */
export const PRACTICE_FRAMEWORK = "Practice Framework";
export const cite = (section: string) => ({ document: PRACTICE_FRAMEWORK, section });

/** A new request for support, not a follow-up on an open case: only these start 1.1, 1.2 and 1.3. */
export const newRequest = { event: "contact.received", where: { followUp: false } } as const;
export const allocated = { event: "case.allocated" } as const;
