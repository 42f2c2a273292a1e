import type { IntakeLog } from "./intake-log.js";
import type { TableOpCounts } from "./table-proxy.js";

/** One stretch of the run: what the service handled in it and the table operations it made meanwhile. */
export interface IngestWindow {
  /** Emails handled by the end of the window (the store grows with them). */
  readonly handledTo: number;
  readonly contacts: number;
  readonly seconds: number;
  readonly contactsPerSecond: number;
  readonly tableOpsPerContact: number;
  /** Of those, queries within one partition and across partitions (Azurite scans its whole table for either). */
  readonly onePartitionQueriesPerContact: number;
  readonly crossPartitionQueriesPerContact: number;
  /**
   * CPU time per contact of the service process and of Azurite's Table service in the window: the service's is our
   * code's cost; Azurite's grows with its tables (it scans a whole table for any query, where Azure reads the
   * partition), so a rate that falls while ours stays flat is Azurite's, not the pipeline's. Null off Linux.
   */
  readonly serviceCpuMsPerContact: number | null;
  readonly azuriteCpuMsPerContact: number | null;
}

/** CPU time used so far (ms) by the service and by Azurite's Table service, where it can be read. */
export interface CpuSample {
  readonly service?: number;
  readonly azurite?: number;
}

interface Mark {
  readonly at: number;
  readonly handled: number;
  readonly contacts: number;
  readonly counts: TableOpCounts;
  readonly cpu: CpuSample;
}

const per = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 100) / 100);

const cpuPer = (from: number | undefined, to: number | undefined, contacts: number): number | null =>
  from === undefined || to === undefined ? null : Math.round((to - from) / Math.max(contacts, 1));

/**
 * Marks the run every `size` emails handled, so the first thousand and the last can be set side by side: a contact
 * that costs more as the store grows shows as a later window's higher operations per contact or lower rate.
 */
export class IngestWindows {
  readonly #marks: Mark[] = [];
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly intake: IntakeLog,
    private readonly counts: () => TableOpCounts,
    private readonly size: number,
    private readonly cpu: () => CpuSample = () => ({}),
  ) {
    this.#marks.push(this.mark());
    this.#timer = setInterval(() => this.sample(), 250);
  }

  /** Ends the last window where the run ended. */
  stop(): IngestWindow[] {
    clearInterval(this.#timer);
    const last = this.mark();
    if (last.handled > (this.#marks.at(-1)?.handled ?? 0)) this.#marks.push(last);
    return this.#marks.slice(1).map((end, i) => windowBetween(this.#marks[i] as Mark, end));
  }

  private sample(): void {
    const previous = this.#marks.at(-1) as Mark;
    if (this.intake.handled() >= previous.handled + this.size) this.#marks.push(this.mark());
  }

  private mark(): Mark {
    return {
      at: Date.now(),
      handled: this.intake.handled(),
      contacts: this.intake.contacts(),
      counts: this.counts(),
      cpu: this.cpu(),
    };
  }
}

function windowBetween(start: Mark, end: Mark): IngestWindow {
  const contacts = end.contacts - start.contacts;
  const seconds = (end.at - start.at) / 1000;
  return {
    handledTo: end.handled,
    contacts,
    seconds: Math.round(seconds),
    contactsPerSecond: per(contacts, seconds),
    tableOpsPerContact: per(end.counts.total - start.counts.total, contacts),
    onePartitionQueriesPerContact: per(end.counts.queries.onePartition - start.counts.queries.onePartition, contacts),
    crossPartitionQueriesPerContact: per(
      end.counts.queries.acrossPartitions - start.counts.queries.acrossPartitions,
      contacts,
    ),
    serviceCpuMsPerContact: cpuPer(start.cpu.service, end.cpu.service, contacts),
    azuriteCpuMsPerContact: cpuPer(start.cpu.azurite, end.cpu.azurite, contacts),
  };
}
