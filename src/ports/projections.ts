/**
 * A case whose derived rows (worklists, deadline index, compliance) are still to be brought up to its log: marked
 * by the change itself, cleared by the projector once it has written them, so a change is projected exactly once
 * even if the service stops in between (the projector catches up on start).
 */
export interface ProjectionMark {
  readonly caseId: string;
  /** The last event of the change that marked it. */
  readonly seq: number;
  /** Marked by the case's creation: its derived rows can be written without reading any first. */
  readonly fresh: boolean;
}

export interface ProjectionQueue {
  /** Idempotent: marking the same change again leaves one mark. */
  mark(mark: ProjectionMark): Promise<void>;
  /** The oldest marks, at most `limit`, by case then change. */
  due(limit: number): Promise<readonly ProjectionMark[]>;
  /** Removes these marks; a mark made since (a later change of the same case) stays for the next pass. */
  clear(marks: readonly ProjectionMark[]): Promise<void>;
  /** Retention: removes the case's marks (it is being deleted, its derived rows with it). */
  forgetCase(caseId: string): Promise<void>;
}
