import type { TypedInputs } from "../cards/elements/decision.js";

/** Reads Action.Execute data (the card's `data` merged with its inputs, as Teams sends it). */
export function field(data: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = data[name];
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** An agenda item's input ids carry its case reference (`<case>~outcome`): these are what the person typed. */
const isItemInput = (key: string): boolean => key.includes("~");

/**
 * The cases an agenda card shows: the one acted on, those named in `agendaCaseIds` when the card carries it, and
 * any whose inputs were submitted with the click (their ids start with the case reference).
 */
export function caseIdsOnCard(data: Readonly<Record<string, unknown>>, caseId: string): string[] {
  const listed = Array.isArray(data.agendaCaseIds) ? data.agendaCaseIds.filter((id) => typeof id === "string") : [];
  const fromInputs = Object.keys(data)
    .filter(isItemInput)
    .map((key) => key.slice(0, key.indexOf("~")));
  const ids = new Set<string>([...listed, ...fromInputs]);
  ids.add(caseId);
  return [...ids].sort();
}

/** What the person had typed into the agenda's inputs, to keep on the card redrawn for them. */
export const typedInputs = (data: Readonly<Record<string, unknown>>): TypedInputs =>
  Object.fromEntries(
    Object.entries(data).filter(
      (entry): entry is [string, string] => isItemInput(entry[0]) && typeof entry[1] === "string" && entry[1] !== "",
    ),
  );
