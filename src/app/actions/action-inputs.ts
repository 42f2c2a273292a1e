import type { ActionInput, ActionValues } from "./case-action.js";

type Options = ActionInput["options"];

export const textInput = (name: string, label: string, required = false): ActionInput => ({
  name,
  label,
  required,
  type: "text",
});
export const longText = (name: string, label: string, required = false): ActionInput => ({
  name,
  label,
  required,
  type: "longtext",
});
/** A yes/no; `required`: it must be ticked (a checklist item that has to be done first). */
export const yesNo = (name: string, label: string, required = false): ActionInput => ({
  name,
  label,
  required,
  type: "boolean",
});
export const dateInput = (name: string, label: string, required = true): ActionInput => ({
  name,
  label,
  required,
  type: "date",
});
export const choice = (name: string, label: string, options: Options, required = true): ActionInput => ({
  name,
  label,
  required,
  type: "choice",
  options: options ?? [],
});
export const staffChoice = (name: string, label: string, options: Options, required = true): ActionInput => ({
  name,
  label,
  required,
  type: "staff",
  options: options ?? [],
});

/** A checklist as one yes/no input per item, named `<prefix>.<item id>`; `allNeeded`: every item must be ticked. */
export const checklistInputs = (
  prefix: string,
  items: readonly { id: string; label: string }[],
  allNeeded = false,
): ActionInput[] => items.map((item) => yesNo(`${prefix}.${item.id}`, item.label, allNeeded));

/** The checklist's items back from the values, by item id. */
export const checklistOf = (prefix: string, values: ActionValues): Record<string, boolean> =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([name]) => name.startsWith(`${prefix}.`))
      .map(([name, value]) => [name.slice(prefix.length + 1), value === true]),
  );

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with one value, in words the person can act on; undefined when it is fine. */
function problem(input: ActionInput, value: string | boolean | undefined): string | undefined {
  if (value === undefined || value === "") {
    if (!input.required) return undefined;
    return input.type === "boolean" ? `"${input.label}" must be done first.` : `"${input.label}" is needed.`;
  }
  switch (input.type) {
    case "boolean":
      if (typeof value !== "boolean") return `"${input.label}" is yes or no.`;
      return input.required && !value ? `"${input.label}" must be done first.` : undefined;
    case "date":
      return typeof value === "string" && DATE.test(value) ? undefined : `Give "${input.label}" as YYYY-MM-DD.`;
    case "datetime":
      return typeof value === "string" && !Number.isNaN(Date.parse(value))
        ? undefined
        : `"${input.label}" is not a date and time.`;
    case "choice":
    case "staff":
      return input.options?.some((o) => o.value === value) ? undefined : `Choose one of the offered "${input.label}".`;
    default:
      return typeof value === "string" ? undefined : `"${input.label}" is text.`;
  }
}

/** Booleans arrive as JSON booleans from the tab and as "true"/"false" from a Teams card's toggles. */
const normalise = (input: ActionInput, raw: unknown): string | boolean | undefined => {
  if (raw === undefined || raw === null) return undefined;
  if (input.type === "boolean")
    return raw === true || raw === "true" ? true : raw === false || raw === "false" ? false : String(raw);
  return typeof raw === "string" ? raw.trim() : typeof raw === "boolean" ? raw : String(raw);
};

/** The values the declared inputs take from what was sent (anything undeclared is ignored), or what is wrong. */
export function readValues(
  inputs: readonly ActionInput[],
  sent: Readonly<Record<string, unknown>>,
): { readonly values: ActionValues } | { readonly problems: readonly string[] } {
  const values: Record<string, string | boolean | undefined> = {};
  const problems: string[] = [];
  for (const input of inputs) {
    const value = normalise(input, sent[input.name]);
    const wrong = problem(input, value);
    if (wrong) problems.push(wrong);
    else if (value !== undefined && value !== "") values[input.name] = value;
  }
  return problems.length > 0 ? { problems } : { values };
}

export const text = (values: ActionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === "string" && value !== "" ? value : undefined;
};

export const flag = (values: ActionValues, name: string): boolean => values[name] === true;
