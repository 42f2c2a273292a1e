import type { CaseEventType } from "../../../domain/case-events.js";
import type { CaseCommandType } from "../../../domain/lifecycle/index.js";
import { recordAllegation, recordLadoNotification, recordLadoResponse } from "../../casework/lado.js";
import { longText, text } from "../action-inputs.js";
import { asActionOutcome } from "../action-outcomes.js";
import type { CaseActionSpec } from "../case-action.js";
import { profileNames } from "../rule-events.js";

/** A LADO step: a note of what was said, offered where the profile holds the LADO's timescales (seed 004). */
const ladoStep = (
  id: string,
  label: string,
  command: CaseCommandType,
  event: CaseEventType,
  noteLabel: string,
  useCase: typeof recordAllegation,
): CaseActionSpec => ({
  id,
  label,
  allowed: { command },
  events: [event],
  offered: (ctx) => profileNames(ctx.profile, event),
  inputs: () => [longText("note", noteLabel, true)],
  run: async (deps, caseId, who, values, request) =>
    asActionOutcome(await useCase(deps, caseId, who, { note: text(values, "note") ?? "" }, request)),
});

/** Allegations against people who work with children, and the LADO (seed 004). */
export const SAFEGUARDING_ACTIONS: readonly CaseActionSpec[] = [
  ladoStep(
    "record-allegation",
    "Record a concern about a person who works with children",
    "recordAllegation",
    "allegation.recorded",
    "The concern",
    recordAllegation,
  ),
  ladoStep(
    "record-lado-notification",
    "Record the LADO notification",
    "recordLadoNotification",
    "lado.notified",
    "How and when the LADO was notified",
    recordLadoNotification,
  ),
  ladoStep(
    "record-lado-response",
    "Record the LADO's response",
    "recordLadoResponse",
    "lado.responded",
    "What the LADO advised",
    recordLadoResponse,
  ),
];
