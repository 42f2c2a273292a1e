import type { CaseEvent } from "../../domain/case-events.js";
import {
  MIN_REDACTION_CHARS,
  modeOf,
  redactCase,
  scrubValue,
  type TextRedaction,
} from "../../domain/privacy/redaction.js";
import { isWriteRace } from "../../ports/errors.js";
import type { AppDeps } from "../app-deps.js";
import { audit, type Door } from "../audit.js";
import { refusalsAsValues, type Refused } from "../outcome.js";
import type { StaffCaller } from "../people.js";
import { reindexCase } from "../reindex-case.js";
import { isDataProtection } from "./data-protection-role.js";
import { notDataProtection, reasonNeeded, reasonQuotesText, textNotFound, textTooShort } from "./errors.js";

export interface RedactTextCommand extends TextRedaction {
  readonly caseId: string;
  /** Why (the data subject's request, the DPO's decision): kept in the `redacted` event for good. */
  readonly reason: string;
}

export interface TextRedacted {
  readonly status: "redacted";
  readonly mode: "corrected" | "redacted";
  /** Where the text was (field paths and event numbers), never the text. */
  readonly places: readonly string[];
  /** Outbox items (letters, Teams posts) whose stored payload held it. */
  readonly outboxItems: number;
  readonly etag: string;
}

type RedactDeps = Pick<
  AppDeps,
  "cases" | "outbox" | "audit" | "clock" | "worklists" | "deadlines" | "compliance" | "profile" | "calendar"
>;

const MAX_ATTEMPTS = 3;

/**
 * Rectification and erasure (UK GDPR arts. 16 and 17): the text is corrected, or replaced by "[redacted]", in every
 * stored copy of the case (its row and snapshot, each event and contact, its outbox items, and the indexes, which
 * are rebuilt from it); a `redacted` event records who, when and why, without the text. The data protection
 * role's alone; audited. The tab's API and any other door call this one use case.
 */
export async function redactText(
  deps: RedactDeps,
  caller: StaffCaller,
  command: RedactTextCommand,
  via: Door,
): Promise<TextRedacted | Refused> {
  if (!isDataProtection(caller)) return notDataProtection();
  const reason = command.reason.trim();
  if (command.text.trim().length < MIN_REDACTION_CHARS) return textTooShort(MIN_REDACTION_CHARS);
  if (reason === "") return reasonNeeded();
  if (reason.toLowerCase().includes(command.text.toLowerCase())) return reasonQuotesText();
  const redaction: TextRedaction = {
    text: command.text,
    ...(command.correction === undefined ? {} : { correction: command.correction }),
  };
  const mode = modeOf(redaction);
  return refusalsAsValues(async (): Promise<TextRedacted | Refused> => {
    for (let attempt = 1; ; attempt++) {
      const stored = await deps.cases.getCase(command.caseId);
      const outboxItems = await deps.outbox.listForCase(command.caseId);
      const scrubbed = redactCase(stored.case, stored.contacts, redaction);
      const heldBy = outboxItems.filter((item) => scrubValue(item.payload, redaction).count > 0);
      if (scrubbed.places.length === 0 && heldBy.length === 0) return textNotFound(command.caseId);
      const now = deps.clock.now();
      const event: CaseEvent<"redacted"> = {
        seq: (stored.case.events.at(-1)?.seq ?? 0) + 1,
        type: "redacted",
        at: now.toISOString(),
        by: caller.actor,
        data: { mode, places: [...scrubbed.places, ...heldBy.map((i) => `outbox ${i.key}`)], reason },
      };
      const nextCase = { ...scrubbed.case, events: [...scrubbed.case.events, event] };
      try {
        const written = await deps.cases.rewrite(
          command.caseId,
          stored.etag,
          nextCase,
          { events: scrubbed.changedEvents, contacts: scrubbed.changedContacts },
          [event],
        );
        for (const item of heldBy) await rewriteOutboxItem(deps, item.caseId, item.key, redaction);
        await reindexCase(deps, written.case, now);
        await audit(deps, caller, "case.redacted", command.caseId, via, {
          mode,
          places: event.data.places.length,
        });
        return {
          status: "redacted",
          mode,
          places: event.data.places,
          outboxItems: heldBy.length,
          etag: written.etag,
        };
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isWriteRace(error)) throw error;
      }
    }
  });
}

/** The item as it is now, scrubbed; read again if the sender moved it meanwhile. */
async function rewriteOutboxItem(deps: Pick<AppDeps, "outbox">, caseId: string, key: string, redaction: TextRedaction) {
  for (let attempt = 1; ; attempt++) {
    const item = await deps.outbox.get(caseId, key);
    if (item === undefined) return;
    const scrubbed = scrubValue(item.payload, redaction);
    if (scrubbed.count === 0) return;
    try {
      await deps.outbox.rewritePayload(item, scrubbed.value);
      return;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isWriteRace(error)) throw error;
    }
  }
}
