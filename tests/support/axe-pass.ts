import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { ARTIFACTS } from "./browser.js";

/** Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA that axe-core carries (the Public Sector Bodies regulations). */
export const WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export interface AxePageResult {
  readonly page: string;
  readonly theme: string;
  readonly passes: number;
  readonly incomplete: number;
  /** The rules axe could not decide (a person checks them): their ids. */
  readonly review: readonly string[];
  /** Tabster's focus bumpers, set aside (see `isTabsterBumper`). */
  readonly setAside: number;
  readonly violations: readonly {
    readonly id: string;
    readonly impact: string;
    readonly help: string;
    readonly targets: readonly string[];
  }[];
}

/**
 * Fluent UI v9's keyboard navigation (Tabster) puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` around
 * arrow-key groups such as the TabList: they hand focus on at once and are hidden so that screen readers never stop on
 * them. axe's aria-hidden-focus flags them; Fluent answers "by design" (microsoft/fluentui#27517) and Accessibility
 * Insights suppresses exactly this case. Only that rule on only those elements is set aside, and counted.
 */
const isTabsterBumper = (ruleId: string, html: string) =>
  ruleId === "aria-hidden-focus" && /^<i [^>]*data-tabster-dummy/.test(html);

/** Runs axe-core's WCAG A/AA rules on the page as it is now (forms open, data loaded). */
export async function axeCheck(page: Page, name: string, theme: string): Promise<AxePageResult> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze();
  let setAside = 0;
  const violations = results.violations.flatMap((v) => {
    const nodes = v.nodes.filter((n) => !isTabsterBumper(v.id, n.html));
    setAside += v.nodes.length - nodes.length;
    if (nodes.length === 0) return [];
    const targets = nodes.map((n) => n.target.join(" "));
    return [{ id: v.id, impact: v.impact ?? "unknown", help: v.help, targets }];
  });
  return {
    page: name,
    theme,
    passes: results.passes.length,
    incomplete: results.incomplete.length,
    review: results.incomplete.map((i) => i.id),
    setAside,
    violations,
  };
}

/** The pass's summary as a test artifact: tests/artifacts/a11y/axe-summary.md (and .json), one line per page × theme. */
export function writeAxeSummary(results: readonly AxePageResult[], axeVersion: string): string {
  const dir = join(ARTIFACTS, "a11y");
  mkdirSync(dir, { recursive: true });
  const violations = results.reduce((n, r) => n + r.violations.length, 0);
  const setAside = results.reduce((n, r) => n + r.setAside, 0);
  const themes = [...new Set(results.map((r) => r.theme))];
  const pages = [...new Set(results.map((r) => r.page))];
  const lines = [
    `# axe-core ${axeVersion}: WCAG 2.0/2.1/2.2 A and AA (${WCAG_AA_TAGS.join(", ")})`,
    "",
    `${pages.length} pages × ${themes.length} themes (${themes.join(", ")}) = ${results.length} checks; ` +
      `${violations} violations.`,
    "",
    `Set aside: ${setAside} aria-hidden-focus findings on Fluent UI's Tabster focus bumpers ` +
      "(`<i data-tabster-dummy>`, by design: microsoft/fluentui#27517).",
    "",
    "| page | theme | rules passed | needs review | violations |",
    "| --- | --- | --- | --- | --- |",
    ...results.map(
      (r) =>
        `| ${r.page} | ${r.theme} | ${r.passes} | ${r.incomplete === 0 ? "0" : `${r.incomplete} (${r.review.join(", ")})`} | ${
          r.violations.length === 0 ? "0" : r.violations.map((v) => `${v.id} (${v.targets.length})`).join(", ")
        } |`,
    ),
    "",
  ];
  const summary = lines.join("\n");
  writeFileSync(join(dir, "axe-summary.md"), summary);
  writeFileSync(join(dir, "axe-summary.json"), JSON.stringify(results, null, 2));
  return summary;
}
