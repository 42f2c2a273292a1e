import type { LogEntry, ServiceProcess } from "./service-process.js";

/**
 * What the service's own log says it did with each message (ids only: `messageRef` is a hash of the message id),
 * so a message logged twice, or never, shows.
 */
export class IntakeLog {
  private readonly logged = new Map<string, number>();
  private readonly ignored = new Set<string>();
  private acksPlanned = 0;
  private outboxFailed = 0;
  private roundsFailed = 0;

  watch(service: ServiceProcess): () => void {
    return service.onLog((entry) => this.record(entry));
  }

  record(entry: LogEntry): void {
    const ref = typeof entry.messageRef === "string" ? entry.messageRef : undefined;
    if ((entry.event === "intake.logged" || entry.event === "intake.follow-up") && ref) {
      this.logged.set(ref, (this.logged.get(ref) ?? 0) + 1);
      if (entry.acknowledgement === "send") this.acksPlanned += 1;
    } else if (entry.event === "intake.ignored" && ref) this.ignored.add(ref);
    else if (entry.event === "outbox.failed") this.outboxFailed += 1;
    else if (entry.event === "inbox.round.failed") this.roundsFailed += 1;
  }

  /** Messages logged as contacts or ignored with a recorded reason. */
  handled(): number {
    return this.logged.size + [...this.ignored].filter((ref) => !this.logged.has(ref)).length;
  }

  contacts(): number {
    return this.logged.size;
  }

  duplicateContacts(): number {
    return [...this.logged.values()].reduce((sum, n) => sum + (n - 1), 0);
  }

  acknowledgementsPlanned(): number {
    return this.acksPlanned;
  }

  failures(): { readonly outbox: number; readonly inboxRounds: number } {
    return { outbox: this.outboxFailed, inboxRounds: this.roundsFailed };
  }
}
