/**
 * Structured logs that carry ids, counts and codes only. This is safeguarding data: a log line never carries a
 * name, an address, a subject or a body. Fields are typed to scalars, and anything that still looks like an email
 * address is masked as a last line of defence.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g;

export const maskPersonalData = (value: string): string => value.replace(EMAIL, "[email]");

export function createLogger(write: (line: string) => void, base: LogFields = {}, clock = () => new Date()): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}) => {
    const entry: Record<string, unknown> = { at: clock().toISOString(), level, event };
    for (const [key, value] of Object.entries({ ...base, ...fields })) {
      if (value !== undefined) entry[key] = typeof value === "string" ? maskPersonalData(value) : value;
    }
    write(JSON.stringify(entry));
  };
  return {
    info: (event, fields) => emit("info", event, fields),
    warn: (event, fields) => emit("warn", event, fields),
    error: (event, fields) => emit("error", event, fields),
    child: (fields) => createLogger(write, { ...base, ...fields }, clock),
  };
}

/** Describes an unexpected error for a log line without its message (which may quote untrusted input). */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { errorName: error.name, errorCode: typeof code === "string" ? code : undefined };
  }
  return { errorName: typeof error };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, child: () => silentLogger };
