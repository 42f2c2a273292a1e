import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

/** The few layout classes every view shares; colours come from the Fluent theme so all three themes work. */
export const useSharedStyles = makeStyles({
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  // Focused by script after navigation (for screen readers), not by the person: no focus ring on a heading.
  heading: { ...typographyStyles.title2, margin: `${tokens.spacingVerticalM} 0`, ":focus": { outlineStyle: "none" } },
  subheading: { ...typographyStyles.subtitle1, margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
  caption: { ...typographyStyles.body1Strong, textAlign: "start", padding: `${tokens.spacingVerticalS} 0` },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  /** An email's text as it came, wrapped to the column (narrow screens, 320 px). */
  preformatted: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", maxHeight: "24em", overflowY: "auto", margin: 0 },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});
