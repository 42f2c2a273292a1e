/** Stable codes of job failures; callers branch on these, never on messages. */
export type JobErrorCode = "JOBS.INVALID_TIME_OF_DAY" | "JOBS.INVALID_INTERVAL" | "JOBS.DUPLICATE_JOB";

export class JobError extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "JobError";
  }
}

export const invalidTimeOfDay = (what: string, value: string): JobError =>
  new JobError("JOBS.INVALID_TIME_OF_DAY", `${what} "${value}" is not a time of day; write it as HH:mm, e.g. 09:30.`);

export const invalidInterval = (job: string, everyMs: number): JobError =>
  new JobError(
    "JOBS.INVALID_INTERVAL",
    `The job "${job}" is set to run every ${everyMs} ms; give it a whole number of milliseconds above zero.`,
  );

export const duplicateJob = (job: string): JobError =>
  new JobError("JOBS.DUPLICATE_JOB", `Two jobs are named "${job}": each job needs its own name (its lease).`);
