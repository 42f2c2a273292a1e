import type { GraphClient } from "./graph-client.js";

/** An OData string literal: single-quoted, a quote inside doubled (Graph's rule for `$filter` values). */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * The mailbox's copies of a message, found by its RFC 5322 Message-ID across every folder. The value is compared
 * as written (angle brackets included) and URL-encoded whole, so `+`, `/`, `&` and `#` in a Message-ID survive.
 */
export async function findByInternetMessageId(
  graph: GraphClient,
  userPath: string,
  internetMessageId: string,
): Promise<readonly string[]> {
  const filter = encodeURIComponent(`internetMessageId eq ${odataString(internetMessageId)}`);
  const page = await graph.get<{ value: readonly { id: string }[] }>(
    `${userPath}/messages?$filter=${filter}&$select=id`,
    { operation: "find an email in the Family Centre mailbox by its Message-ID" },
  );
  return page.value.map((message) => message.id);
}
