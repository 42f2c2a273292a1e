import { makeStaticStyles } from "@fluentui/react-components";
import { useEffect } from "react";

/** Up to this width (Teams mobile, the Outlook task pane) tables become stacked rows. */
export const NARROW_MAX_WIDTH_PX = 600;

/**
 * What keeps the tab and the Outlook pane within a narrow screen (WCAG 1.4.10 Reflow): the view tabs wrap, form
 * controls never grow past their column, long words (email addresses, references) break, and each table row becomes
 * a stacked block with every value under its column's name. Rows are not highlighted under the mouse: none is
 * selectable, and in the high-contrast theme the highlight left the labels of forms inside a row unreadable. The table stays a table to assistive technology (its
 * header row is hidden visually only; the names shown are generated content with empty alternative text).
 */
const useNarrowScreenStyles = makeStaticStyles(`
  .fui-FluentProvider { overflow-wrap: anywhere; }
  .fui-FluentProvider .fui-TabList { flex-wrap: wrap; }
  .fui-FluentProvider .fui-TableRow:hover { background-color: transparent; }
  .fui-FluentProvider :is(.fui-Input, .fui-Select, .fui-Textarea, .fui-Field, .fui-Select > select, .fui-Input > input) {
    max-width: 100%;
    min-width: 0;
  }
  @media (max-width: ${NARROW_MAX_WIDTH_PX}px) {
    table.fui-Table, table.fui-Table > tbody, table.fui-Table > tbody > tr, table.fui-Table > tbody > tr > td,
    table.fui-Table > caption {
      display: block;
      width: 100%;
      box-sizing: border-box;
    }
    table.fui-Table > thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    table.fui-Table > tbody > tr { height: auto; padding: 8px 0; }
    table.fui-Table > tbody > tr > td { height: auto; padding: 2px 0; }
    table.fui-Table > tbody > tr > td[data-label]::before {
      content: attr(data-label);
      content: attr(data-label) / "";
      display: block;
      font-weight: 600;
    }
  }
`);

/** Names each body cell (`data-label`) after its column's header, for the stacked rows; kept up as tables change. */
function labelCells(root: Document) {
  for (const table of root.querySelectorAll("table")) {
    const headers = [...table.querySelectorAll(":scope > thead > tr > th")].map((th) => th.textContent.trim());
    for (const row of table.querySelectorAll(":scope > tbody > tr")) {
      [...row.children].forEach((cell, i) => {
        const label = headers[i];
        if (label && cell.getAttribute("data-label") !== label) cell.setAttribute("data-label", label);
      });
    }
  }
}

export function useNarrowScreens() {
  useNarrowScreenStyles();
  useEffect(() => {
    let pending = 0;
    const schedule = () => {
      if (pending === 0) pending = requestAnimationFrame(() => ((pending = 0), labelCells(document)));
    };
    labelCells(document);
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(pending);
    };
  }, []);
}
