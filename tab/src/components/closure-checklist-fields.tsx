import { Checkbox } from "@fluentui/react-components";
import type { ChecklistItemView } from "../../../src/api/contract.js";

/** The profile's closure-ready checklist (rule 8.2): each item must be ticked before closure can be requested. */
export function ClosureChecklistFields(props: {
  items: readonly ChecklistItemView[];
  ticked: Readonly<Record<string, boolean>>;
  onChange: (ticked: Record<string, boolean>) => void;
}) {
  const { items, ticked, onChange } = props;
  if (items.length === 0) return <p>This practice framework has no closure checklist; ask your administrator.</p>;
  return (
    <fieldset>
      <legend>Closure-ready checklist (every item is needed)</legend>
      {items.map((item) => (
        <div key={item.id}>
          <Checkbox
            checked={ticked[item.id] === true}
            onChange={(_, data) => onChange({ ...ticked, [item.id]: data.checked === true })}
            label={item.label}
          />
        </div>
      ))}
    </fieldset>
  );
}

export const allTicked = (items: readonly ChecklistItemView[], ticked: Readonly<Record<string, boolean>>): boolean =>
  items.length > 0 && items.every((item) => ticked[item.id] === true);
