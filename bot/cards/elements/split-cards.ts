import { adaptiveCard, cardBytes, MAX_CARD_BYTES, type AdaptiveCardJson, type CardElement } from "../card-json.js";
import { itemTooLarge } from "../errors.js";

export interface PackOptions<T> {
  /** The card's heading for part `part` of `parts` (1-based). */
  readonly header: (part: number, parts: number) => readonly CardElement[];
  /** Draws a run of items as they sit together on one card (an agenda item names the cases beside it). */
  readonly render: (run: readonly T[]) => readonly CardElement[];
  /** Items per card at most, so a long list stays quick to read and each part fits. */
  readonly maxItems: number;
  /** Names an item in the error when one alone is too large, e.g. its case reference. */
  readonly describe: (item: T) => string;
  /** Kept free on every card for what a redraw for one person may add (a worker picker, a reason). */
  readonly reserveBytes?: number;
  readonly fullWidth?: boolean;
}

interface Run<T> {
  readonly items: readonly T[];
  readonly body: readonly CardElement[];
}

/**
 * Packs items into cards that each fit a Teams message, in order: runs of `maxItems`, and a run too large for one
 * message is halved until each half fits. Each run is drawn as it will be sent, so what an item says about its card
 * (the cases beside it) is true of the card it is on. The header is measured at its widest ("part 999 of 999") so
 * that numbering the parts afterwards cannot push a card over.
 */
export function packIntoCards<T>(items: readonly T[], options: PackOptions<T>): AdaptiveCardJson[] {
  const budget = MAX_CARD_BYTES - (options.reserveBytes ?? 0);
  const card = (header: readonly CardElement[], body: readonly CardElement[]) =>
    adaptiveCard([...header, ...body], [], { fullWidth: options.fullWidth === true });
  const widest = options.header(999, 999);
  const fitted = (run: readonly T[]): Run<T>[] => {
    const body = options.render(run);
    const bytes = cardBytes(card(widest, body));
    if (bytes <= budget) return [{ items: run, body }];
    const [only] = run;
    if (run.length === 1 && only !== undefined) throw itemTooLarge(options.describe(only), bytes, budget);
    const half = Math.ceil(run.length / 2);
    return [...fitted(run.slice(0, half)), ...fitted(run.slice(half))];
  };
  const runs: Run<T>[] = [];
  for (let start = 0; start < items.length; start += options.maxItems) {
    runs.push(...fitted(items.slice(start, start + options.maxItems)));
  }
  if (runs.length === 0) runs.push({ items: [], body: [] });
  return runs.map((run, i) => card(options.header(i + 1, runs.length), run.body));
}
