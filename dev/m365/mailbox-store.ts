import { ChangeLog, changedFields, trackedSnapshot, type FolderChanges } from "./change-log.js";
import { notFound } from "./errors.js";
import { graphInstant, type IdIssuer } from "./graph-format.js";
import { FOLDERS, type FolderName, type Recipient, type StoredMessage } from "./message.js";
import { parseMime } from "./parse-mime.js";
import { Threads } from "./threads.js";

/** Mail that left the mailbox for someone else: the stand-in records it instead of delivering it. */
export interface OutboundRecord {
  readonly messageId: string;
  readonly internetMessageId: string;
  readonly recipients: readonly string[];
  readonly sentAt: string;
}

/**
 * A sent message on its way to Sent Items, as Exchange's transport has it: first still in Drafts (a draft to any
 * reader), then in no folder a client can see (404), then in Sent Items.
 */
interface Transit {
  readonly hiddenFromMs: number;
  readonly dueMs: number;
  /** How many times `/send` took it: each of them goes out. */
  sends: number;
  readonly arrive: (sends: number) => void;
}

type CreatedListener = (message: StoredMessage) => void;
type MovedListener = (message: StoredMessage, from: FolderName) => void;

/**
 * One mailbox: its folders, a change sequence for delta queries, and the outbound log.
 * Ids are immutable: moving a message between folders keeps its id, as Graph does with `IdType="ImmutableId"`.
 */
export class MailboxStore {
  private readonly messages = new Map<string, StoredMessage>();
  private readonly changes: ChangeLog;
  private readonly threads: Threads;
  private readonly createdListeners: CreatedListener[] = [];
  private readonly movedListeners: MovedListener[] = [];
  private readonly transits = new Map<string, Transit>();
  readonly outbound: OutboundRecord[] = [];

  constructor(
    private readonly ids: IdIssuer,
    private readonly now: () => Date,
    readonly address: string,
    readonly displayName: string,
  ) {
    this.threads = new Threads(ids);
    this.changes = new ChangeLog(now);
  }

  /** The last change a delta round may include now, when new changes take `lagMs` to show in delta. */
  visibleSequence(lagMs: number): number {
    return this.changes.visibleUpTo(lagMs);
  }

  /** Delivers a raw message into the Inbox (or, as Exchange's filter may, into Junk Email) after SMTP. */
  async deliver(raw: Buffer, folder: "inbox" | "junkemail" = "inbox"): Promise<StoredMessage> {
    const parsed = await parseMime(raw);
    const at = this.now();
    const internetMessageId = parsed.internetMessageId ?? `<${this.ids.token()}@standin.local>`;
    const thread = this.threads.place(internetMessageId, parsed.references, parsed.subject, at);
    const { sentAt, attachments, ...fields } = parsed;
    const message: StoredMessage = {
      ...fields,
      id: this.ids.messageId(),
      folder,
      internetMessageId,
      ...thread,
      bccRecipients: [],
      createdDateTime: graphInstant(at),
      lastModifiedDateTime: graphInstant(at),
      receivedDateTime: graphInstant(at),
      sentDateTime: graphInstant(sentAt ?? at),
      isRead: false,
      isDraft: false,
      attachments: attachments.map((a) => ({ ...a, id: this.ids.token() })),
      singleValueExtendedProperties: [],
      changeKey: this.ids.changeKey(),
      raw,
    };
    this.put(message);
    for (const listener of this.createdListeners) listener(message);
    return message;
  }

  /** Adds a draft the caller built (create message, createReply). */
  addDraft(draft: Omit<StoredMessage, "changeKey" | "conversationIndex" | "folder">): StoredMessage {
    const conversationIndex = this.threads.join(draft.internetMessageId, draft.conversationId);
    const message: StoredMessage = { ...draft, folder: "drafts", conversationIndex, changeKey: this.ids.changeKey() };
    this.put(message);
    return message;
  }

  /** Applies a change to a stored message, giving it a new change key (and etag). */
  update(id: string, change: (message: StoredMessage) => void): StoredMessage {
    const message = this.get(id);
    const before = message.folder;
    const snapshot = trackedSnapshot(message);
    change(message);
    message.changeKey = this.ids.changeKey();
    message.lastModifiedDateTime = graphInstant(this.now());
    if (message.folder === before) {
      this.changes.updated(id, changedFields(snapshot, message));
      return message;
    }
    this.changes.arrived(id, before);
    for (const listener of this.movedListeners) listener(message, before);
    return message;
  }

  recordOutbound(message: StoredMessage, recipients: readonly Recipient[]): void {
    this.outbound.push({
      messageId: message.id,
      internetMessageId: message.internetMessageId,
      recipients: recipients.map((r) => r.emailAddress.address),
      sentAt: graphInstant(this.now()),
    });
  }

  /** Starts a sent message's way to Sent Items; `arrive` moves it there once `delayMs` has passed on the clock. */
  beginTransit(id: string, delayMs: number, arrive: (sends: number) => void): void {
    const now = this.now().getTime();
    this.transits.set(id, { hiddenFromMs: now + delayMs / 2, dueMs: now + delayMs, sends: 1, arrive });
    setTimeout(() => this.settle(), delayMs + 1).unref();
  }

  /** Sent messages still on their way to Sent Items. */
  inTransit(): number {
    this.settle();
    return this.transits.size;
  }

  /** The message's way to Sent Items, while it is on it. */
  transitOf(id: string): Transit | undefined {
    this.settle();
    return this.transits.get(id);
  }

  find(id: string): StoredMessage | undefined {
    this.settle();
    return this.isHidden(id) ? undefined : this.messages.get(id);
  }

  get(id: string): StoredMessage {
    const message = this.find(id);
    if (!message) throw notFound(`message ${id}`);
    return message;
  }

  list(folder: FolderName): StoredMessage[] {
    this.settle();
    return [...this.messages.values()].filter((m) => m.folder === folder && !this.isHidden(m.id));
  }

  counts(): Record<FolderName, number> {
    return Object.fromEntries(FOLDERS.map((f) => [f, this.list(f).length])) as Record<FolderName, number>;
  }

  /** What changed in a folder after `since`, up to and including `upTo`. */
  changesSince(folder: FolderName, since: number, upTo: number): FolderChanges {
    return this.changes.changesSince(this.list(folder), folder, since, upTo);
  }

  onCreated(listener: CreatedListener): void {
    this.createdListeners.push(listener);
  }

  /** Called when a message changes folder (a sent draft arriving in Sent Items): benchmarks time acknowledgements. */
  onMoved(listener: MovedListener): void {
    this.movedListeners.push(listener);
  }

  clear(): void {
    this.transits.clear();
    this.messages.clear();
    this.changes.clear();
    this.outbound.length = 0;
    this.threads.clear();
  }

  /** Delivers what has reached Sent Items by now (read lazily, on the store's clock, so a test's clock decides). */
  private settle(): void {
    if (this.transits.size === 0) return;
    const now = this.now().getTime();
    for (const [id, transit] of this.transits) {
      if (transit.dueMs > now) continue;
      this.transits.delete(id);
      transit.arrive(transit.sends);
    }
  }

  private isHidden(id: string): boolean {
    const transit = this.transits.get(id);
    return transit !== undefined && this.now().getTime() >= transit.hiddenFromMs;
  }

  private put(message: StoredMessage): void {
    this.messages.set(message.id, message);
    this.changes.arrived(message.id);
  }
}
