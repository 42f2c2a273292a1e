import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const FIXTURES = join(import.meta.dirname, "../../tests/fixtures/mail");

export interface BenchEmail {
  /** The Message-ID this copy carries, without angle brackets. */
  readonly messageId: string;
  readonly fixture: string;
  readonly raw: string;
}

/**
 * The realistic fixture mix (every tests/fixtures/mail/*.eml in turn), each copy made new: its own Message-ID and
 * a numbered subject, so the mailbox and the service see distinct messages and distinct conversations.
 */
export class MailMix {
  private readonly fixtures: ReadonlyArray<{ name: string; raw: string }>;
  private next = 0;

  constructor(private readonly runId: string) {
    this.fixtures = readdirSync(FIXTURES)
      .filter((name) => name.endsWith(".eml"))
      .sort()
      .map((name) => ({ name, raw: readFileSync(join(FIXTURES, name), "utf8") }));
    if (this.fixtures.length === 0) throw new Error(`no .eml fixtures in ${FIXTURES}`);
  }

  get size(): number {
    return this.fixtures.length;
  }

  take(): BenchEmail {
    const n = this.next++;
    const fixture = this.fixtures[n % this.fixtures.length] as { name: string; raw: string };
    const messageId = `bench-${this.runId}-${n}@bench.invalid`;
    return { messageId, fixture: fixture.name, raw: makeNew(fixture.raw, messageId, `[bench ${this.runId}-${n}]`) };
  }
}

/** Replaces the Message-ID (or adds one) and tags the first line of the Subject, touching the headers only. */
export function makeNew(raw: string, messageId: string, tag: string): string {
  const split = /\r?\n\r?\n/.exec(raw);
  const end = split ? split.index : raw.length;
  let headers = raw.slice(0, end);
  const body = raw.slice(end);
  const eol = headers.includes("\r\n") ? "\r\n" : "\n";
  const idLine = `Message-ID: <${messageId}>`;
  headers = /^Message-ID:.*$/im.test(headers)
    ? headers.replace(/^Message-ID:.*(?:\r?\n[ \t].*)*$/im, idLine)
    : `${idLine}${eol}${headers}`;
  headers = /^Subject:.*$/im.test(headers)
    ? headers.replace(/^(Subject:.*?)(\r?)$/im, `$1 ${tag}$2`)
    : `${headers}${eol}Subject: ${tag}`;
  return headers + body;
}
