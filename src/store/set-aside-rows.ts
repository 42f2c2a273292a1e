import type { Page } from "../ports/indexes.js";
import type { SetAsideEntry, SetAsideNote } from "../ports/message-ledger.js";
import { type EntityTable, stringOf } from "./entity-table.js";
import { decodeKey, encodeKey } from "./keys.js";

/** One partition of the `Messages` table lists what was set aside: a few hundred a week at most. */
const PARTITION = "set-aside";
/** Row keys sort ascending: the instant is written as the time left until this one, so the newest comes first. */
const LATEST_MS = Date.UTC(9999, 11, 31);

export const setAsideRowKey = (messageId: string, receivedAt: string): string =>
  `${String(LATEST_MS - Date.parse(receivedAt)).padStart(15, "0")}~${encodeKey(messageId)}`;

/** The "Ignored and quarantined" list: a row per set-aside message, derived from (and rewritten with) its ledger row. */
export class SetAsideRows {
  constructor(private readonly table: EntityTable) {}

  /** Written before the message is settled, so a crash between the two never leaves it settled but unlisted. */
  async put(entry: SetAsideEntry): Promise<string> {
    const rowKey = setAsideRowKey(entry.messageId, entry.receivedAt);
    await this.table.upsert({
      partitionKey: PARTITION,
      rowKey,
      state: entry.state,
      reason: entry.reason,
      receivedAt: entry.receivedAt,
      ...(entry.senderDomain === undefined ? {} : { senderDomain: entry.senderDomain }),
    });
    return rowKey;
  }

  async page(options: { readonly top?: number; readonly continuation?: string } = {}): Promise<Page<SetAsideEntry>> {
    const page = await this.table.page({ partitionKey: PARTITION }, options);
    return {
      items: page.items.map((row): SetAsideEntry => {
        const senderDomain = stringOf(row, "senderDomain");
        return {
          messageId: decodeKey(row.rowKey.slice(row.rowKey.indexOf("~") + 1)),
          state: stringOf(row, "state") === "quarantined" ? "quarantined" : "ignored",
          reason: stringOf(row, "reason") ?? "",
          receivedAt: stringOf(row, "receivedAt") ?? "",
          ...(senderDomain === undefined ? {} : { senderDomain }),
        };
      }),
      ...(page.continuation === undefined ? {} : { continuation: page.continuation }),
    };
  }

  async remove(rowKey: string): Promise<void> {
    await this.table.delete(PARTITION, rowKey);
  }
}

export type { SetAsideNote };
