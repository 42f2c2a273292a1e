import { makeStyles, Select, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { CentreChoice } from "../session.js";

// Fits the Outlook pane's 320 px: the label above a list as wide as the pane.
const useStyles = makeStyles({
  switcher: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  picker: { maxWidth: "100%" },
});

/**
 * Which centre the tab shows, for someone who works in several (or a county manager): every view then reads that
 * centre. Someone in one centre sees nothing here.
 */
export function CentreSwitcher({ choice }: { choice: CentreChoice }) {
  const id = useId();
  const styles = useStyles();
  const { centres } = choice.mine;
  if (centres.length < 2) return null;
  return (
    <header className={styles.switcher}>
      <label htmlFor={id}>Family Centre</label>
      <Select id={id} className={styles.picker} value={choice.current} onChange={(_, d) => choice.choose(d.value)}>
        {centres.map((centre) => (
          <option key={centre.id} value={centre.id}>
            {centre.name}
          </option>
        ))}
      </Select>
    </header>
  );
}
