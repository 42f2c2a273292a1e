import type { Page } from "../ports/indexes.js";

/** Every item of a paged read, page after page: for lists known to be short (an agenda, the long-open cases). */
export async function everyItem<T>(read: (continuation?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let continuation: string | undefined;
  do {
    const page = await read(continuation);
    items.push(...page.items);
    continuation = page.continuation;
  } while (continuation !== undefined);
  return items;
}
