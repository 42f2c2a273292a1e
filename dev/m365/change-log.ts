import type { FolderName, StoredMessage } from "./message.js";

/** A message as one delta round reports it: new in the folder (whole), or changed (only what changed). */
export interface FolderChange {
  readonly message: StoredMessage;
  readonly created: boolean;
  /** The properties changed in the window, for an update. */
  readonly fields: readonly string[];
}

export interface FolderChanges {
  readonly upserted: readonly FolderChange[];
  readonly removedIds: readonly string[];
}

/** The message properties whose changes delta reports (the rest the stand-in never changes after creation). */
const TRACKED = [
  "subject",
  "body",
  "toRecipients",
  "ccRecipients",
  "bccRecipients",
  "replyTo",
  "importance",
  "isRead",
  "isDraft",
  "sentDateTime",
  "receivedDateTime",
  "singleValueExtendedProperties",
] as const;

export const trackedSnapshot = (message: StoredMessage): Record<string, string> =>
  Object.fromEntries(TRACKED.map((name) => [name, JSON.stringify(message[name])]));

export const changedFields = (before: Record<string, string>, message: StoredMessage): string[] =>
  TRACKED.filter((name) => before[name] !== JSON.stringify(message[name]));

/**
 * The mailbox's change sequence, as delta reads it: when each message entered its folder (a move is a creation in
 * the new folder, as Exchange does it), which properties each later update changed, and what left each folder.
 */
export class ChangeLog {
  private sequence = 0;
  /** When each change was made (epoch ms), by sequence number. */
  private times: number[] = [0];
  private readonly arrivals = new Map<string, number>();
  private updates: { id: string; seq: number; fields: readonly string[] }[] = [];
  private departures: { id: string; folder: FolderName; seq: number }[] = [];

  constructor(private readonly now: () => Date) {}

  get current(): number {
    return this.sequence;
  }

  arrived(id: string, from?: FolderName): void {
    const seq = this.next();
    if (from !== undefined) this.departures.push({ id, folder: from, seq });
    this.arrivals.set(id, seq);
  }

  updated(id: string, fields: readonly string[]): void {
    if (fields.length > 0) this.updates.push({ id, seq: this.next(), fields });
  }

  /** The last change delta may show now: a change younger than `lagMs` is not in delta yet (nor any after it). */
  visibleUpTo(lagMs: number): number {
    if (lagMs <= 0) return this.sequence;
    const cutoff = this.now().getTime() - lagMs;
    const first = this.times.findIndex((at, seq) => seq > 0 && at > cutoff);
    return first === -1 ? this.sequence : first - 1;
  }

  /** What changed in a folder after `since`, up to and including `upTo`, given the folder's messages now. */
  changesSince(inFolder: readonly StoredMessage[], folder: FolderName, since: number, upTo: number): FolderChanges {
    const inWindow = (seq: number) => seq > since && seq <= upTo;
    const changes: Array<FolderChange & { seq: number }> = [];
    for (const message of inFolder) {
      const arrived = this.arrivals.get(message.id) ?? 0;
      if (inWindow(arrived)) {
        changes.push({ message, created: true, fields: [], seq: arrived });
        continue;
      }
      if (arrived > since) continue; // arrived after the window: the next round's
      const updates = this.updates.filter((u) => u.id === message.id && inWindow(u.seq));
      if (updates.length === 0) continue;
      const fields = [...new Set(updates.flatMap((u) => u.fields))];
      changes.push({ message, created: false, fields, seq: updates.at(-1)?.seq ?? 0 });
    }
    const here = new Set(inFolder.map((m) => m.id));
    const removedIds =
      since === 0
        ? []
        : [
            ...new Set(
              this.departures.filter((d) => d.folder === folder && inWindow(d.seq) && !here.has(d.id)).map((d) => d.id),
            ),
          ];
    return { upserted: changes.sort((a, b) => a.seq - b.seq), removedIds };
  }

  clear(): void {
    this.sequence = 0;
    this.times = [0];
    this.arrivals.clear();
    this.updates = [];
    this.departures = [];
  }

  private next(): number {
    this.sequence += 1;
    this.times[this.sequence] = this.now().getTime();
    return this.sequence;
  }
}
