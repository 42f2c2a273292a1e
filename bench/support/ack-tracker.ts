import type { StandIn } from "../../dev/m365/stand-in.js";

const bare = (id: string) => id.trim().replace(/^<|>$/g, "").toLowerCase();

/**
 * Times acknowledgements inside the stand-in: from a message's arrival in the Inbox (the end of SMTP delivery) to
 * the reply that names it (References / In-Reply-To) arriving in Sent Items. Counts replies per message too, so a
 * second acknowledgement to the same message shows as a duplicate.
 */
export class AckTracker {
  private readonly arrivedAt = new Map<string, number>();
  private readonly replies = new Map<string, number>();
  private readonly latencies: number[] = [];
  private readonly firstAckAt: number[] = [];
  private watching = true;

  /** `address`: one of the stand-in's mailboxes (the first by default). */
  constructor(standIn: StandIn, address?: string) {
    const mailbox = address === undefined ? standIn.mailbox : standIn.mailboxFor(address);
    mailbox.onCreated((message) => {
      if (this.watching && message.folder === "inbox") this.arrivedAt.set(bare(message.internetMessageId), Date.now());
    });
    mailbox.onMoved((message) => {
      if (!this.watching || message.folder !== "sentitems") return;
      const at = Date.now();
      for (const reference of message.references.map(bare)) {
        const arrived = this.arrivedAt.get(reference);
        if (arrived === undefined) continue;
        const count = (this.replies.get(reference) ?? 0) + 1;
        this.replies.set(reference, count);
        if (count === 1) {
          this.latencies.push(at - arrived);
          this.firstAckAt.push(at);
        }
      }
    });
  }

  /** Acknowledgement latencies (ms), first reply per message only. */
  latenciesMs(): readonly number[] {
    return [...this.latencies];
  }

  /** When each message's first acknowledgement reached Sent Items (epoch ms), in order. */
  ackTimes(): readonly number[] {
    return [...this.firstAckAt];
  }

  acknowledged(): number {
    return this.replies.size;
  }

  duplicateAcks(): number {
    return [...this.replies.values()].reduce((sum, n) => sum + (n - 1), 0);
  }

  arrived(): number {
    return this.arrivedAt.size;
  }

  stop(): void {
    this.watching = false;
  }
}
