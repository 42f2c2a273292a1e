import type { Actor } from "../actor.js";
import type { Case } from "../case.js";
import type { CaseEvent, NewCaseEvent } from "../case-events.js";
import type { ContactKind, Referrer } from "../contact.js";
import { InvalidCaseCommandError } from "../errors.js";
import type { Profile } from "../rules/profile-schema.js";
import type { CommandContext, CommandOf } from "./commands.js";
import { append } from "./evolve.js";
import { openCase } from "./open-case.js";
import { stamp } from "./stamp.js";

/**
 * A case leaves its centre at most once (it closes as it goes), so the centre and the case name the transfer: a
 * second click, a retry after a crash and the nightly repair all find the same one.
 */
export const transferIdOf = (centreId: string, caseId: string): string => `${centreId}/${caseId}`;

/** The transfer that closed this case, if one did. */
export const transferOf = (kase: Case): CaseEvent<"case.transferred"> | undefined =>
  kase.events.find((e): e is CaseEvent<"case.transferred"> => e.type === "case.transferred");

/**
 * Issue 21 §4: the case went to another centre, which already holds it (the receiving case is written first). It
 * closes here as closing ends any case: clocks still running are cancelled, one already past its maximum stays
 * breached.
 */
export function transferToCentre(kase: Case, command: CommandOf<"transferToCentre">, ctx: CommandContext) {
  const { transferId, toCentre, toCentreName, toCaseId } = command;
  if (!toCaseId.trim() || !toCentre.trim()) {
    throw new InvalidCaseCommandError(kase.id, `Case ${kase.id}: name the centre it goes to and its case there.`);
  }
  const data = { transferId, toCentre, toCentreName, toCaseId };
  return [stamp(kase, command, ctx, "case.transferred", data, command.note)];
}

export interface TransferredCaseInput {
  /** The receiving centre's own case number. */
  readonly id: string;
  readonly transferId: string;
  readonly from: { readonly id: string; readonly name: string };
  readonly fromCaseId: string;
  readonly kind: ContactKind;
  /** The sending case's contacts, its first contact first: the first opens this case, the rest follow it up. */
  readonly contactIds: readonly [string, ...string[]];
  readonly referrer?: Referrer;
  /** Who transferred it (the sending centre's duty worker or manager). */
  readonly actor: Actor;
  /** The receiving centre's framework. */
  readonly profile: Profile;
  /** When the receiving centre received it: its clocks start here (local practice, see README). */
  readonly receivedAt: Date;
  readonly outOfHours: boolean;
}

/**
 * The receiving centre's new case: opened as its own profile opens a case of that kind (consent, Front Door or
 * screening first; a step-down where the profile sends it), received when the transfer reached it, so every clock
 * of the receiving framework runs from then. Rule 1.1 starts at the contact "received in the Family Centre group
 * mailbox": this centre receives it at the transfer.
 */
export function openTransferredCase(input: TransferredCaseInput): { case: Case; events: CaseEvent[] } {
  const [first, ...followUps] = input.contactIds;
  const at = input.receivedAt.toISOString();
  const opened = openCase({
    id: input.id,
    contactId: first,
    kind: input.kind,
    receivedAt: at,
    ...(input.referrer ? { referrer: input.referrer } : {}),
    actor: input.actor,
    profile: input.profile,
    outOfHours: input.outOfHours,
  });
  const by = { at, by: input.actor };
  const more: NewCaseEvent[] = [
    ...followUps.map((contactId): NewCaseEvent => ({
      type: "contact.received",
      ...by,
      data: { contactId, kind: input.kind, followUp: true },
    })),
    {
      type: "case.received-by-transfer",
      ...by,
      data: {
        transferId: input.transferId,
        fromCentre: input.from.id,
        fromCentreName: input.from.name,
        fromCaseId: input.fromCaseId,
      },
    },
  ];
  const kase = append(opened.case, more);
  return { case: kase, events: [...kase.events] };
}
