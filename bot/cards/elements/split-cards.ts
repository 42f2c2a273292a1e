import { adaptiveCard, cardBytes, MAX_CARD_BYTES, type AdaptiveCardJson, type CardElement } from "../card-json.js";
import { itemTooLarge } from "../errors.js";

export interface SplitOptions {
  /** The card's heading for part `part` of `parts` (1-based). */
  readonly header: (part: number, parts: number) => readonly CardElement[];
  /** Items per card at most, so a long agenda stays quick to render and read. */
  readonly maxItems: number;
  /** Names an item in the error when one alone is too large, e.g. its case reference. */
  readonly describe: (index: number) => string;
  readonly maxBytes?: number;
}

const bytesOf = (element: CardElement): number => Buffer.byteLength(JSON.stringify(element), "utf8");

/**
 * Packs agenda items into as few cards as keep each under the Teams size limit, in order. The header is measured
 * at its widest ("part 999 of 999") so that numbering the parts afterwards cannot push a card over.
 */
export function splitIntoCards(items: readonly CardElement[], options: SplitOptions): AdaptiveCardJson[] {
  const maxBytes = options.maxBytes ?? MAX_CARD_BYTES;
  const budget = maxBytes - cardBytes(adaptiveCard(options.header(999, 999), [], { fullWidth: true }));
  const groups: CardElement[][] = [];
  let current: CardElement[] = [];
  let used = 0;
  items.forEach((item, index) => {
    const size = bytesOf(item) + 1; // the comma between body elements
    if (size > budget) throw itemTooLarge(options.describe(index), size, maxBytes);
    if (current.length > 0 && (current.length >= options.maxItems || used + size > budget)) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += size;
  });
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups.map((group, i) =>
    adaptiveCard([...options.header(i + 1, groups.length), ...group], [], { fullWidth: true }),
  );
}
