import { randomBytes } from "node:crypto";
import type { IdIssuer } from "./graph-format.js";

/** A reply or forward prefix, in the forms mail clients write them. */
const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|wg)\s*(\[\d+\])?\s*:\s*)+/i;

export const normalisedSubject = (subject: string): string => subject.replace(REPLY_PREFIX, "").trim().toLowerCase();

/**
 * Groups messages into conversations the way Exchange does for Graph's `conversationId`: a message joins the
 * conversation of any message it references (In-Reply-To / References); failing that, a "RE:"/"FW:" subject joins
 * the conversation of the same topic.
 */
export class Threads {
  private readonly byMessageId = new Map<string, string>();
  private readonly byTopic = new Map<string, string>();
  private readonly rootIndex = new Map<string, Buffer>();

  constructor(private readonly ids: IdIssuer) {}

  place(
    internetMessageId: string,
    references: readonly string[],
    subject: string,
    now: Date,
  ): { conversationId: string; conversationIndex: string } {
    const referenced = references.map((r) => this.byMessageId.get(r.toLowerCase())).find((c) => c !== undefined);
    const topic = normalisedSubject(subject);
    const byTopic = REPLY_PREFIX.test(subject) ? this.byTopic.get(topic) : undefined;
    const conversationId = referenced ?? byTopic ?? this.ids.conversationId();
    this.byMessageId.set(internetMessageId.toLowerCase(), conversationId);
    if (!this.byTopic.has(topic)) this.byTopic.set(topic, conversationId);
    return { conversationId, conversationIndex: this.index(conversationId, now).toString("base64") };
  }

  /** Joins a draft (createReply) to its original's conversation. */
  join(internetMessageId: string, conversationId: string): string {
    this.byMessageId.set(internetMessageId.toLowerCase(), conversationId);
    const root = this.rootIndex.get(conversationId);
    return (root ? Buffer.concat([root, randomBytes(5)]) : randomBytes(22)).toString("base64");
  }

  clear(): void {
    this.byMessageId.clear();
    this.byTopic.clear();
    this.rootIndex.clear();
  }

  /** PidTagConversationIndex: a 22-byte header for the first message, plus 5 bytes for each reply. */
  private index(conversationId: string, now: Date): Buffer {
    const root = this.rootIndex.get(conversationId);
    if (root) return Buffer.concat([root, randomBytes(5)]);
    const header = Buffer.alloc(6);
    header.writeUInt8(1, 0);
    header.writeUIntBE(Math.floor(now.getTime() / 1000) % 2 ** 40, 1, 5);
    const created = Buffer.concat([header, randomBytes(16)]);
    this.rootIndex.set(conversationId, created);
    return created;
  }
}
