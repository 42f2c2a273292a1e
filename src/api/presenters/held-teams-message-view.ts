import type { HeldTeamsMessage } from "../../app/queries/held-teams-messages.js";
import type { HeldTeamsMessageView } from "../contract.js";

const WHAT: Readonly<Record<string, string>> = {
  triage: "Triage card",
  "agenda-screening": "Screening agenda",
  "agenda-maam": "MAAM agenda",
  "agenda-transfer-panel": "Transfer panel agenda",
  digest: "Morning digest",
  overdue: "Overdue note",
  escalation: "Escalation to a manager",
  "pal-reminder": "Pre-Allocation List reminder",
  quarantine: "Notice of an email set aside",
};

const CHATS: Readonly<Record<string, string>> = {
  duty: "the duty chat",
  screening: "the screening chat",
  maam: "the MAAM chat",
  "transfer-panel": "the transfer panel chat",
};

function recipient(conversation: string, names: ReadonlyMap<string, string>): string {
  if (!conversation.startsWith("user~")) return CHATS[conversation] ?? conversation;
  const name = names.get(conversation.slice("user~".length));
  return name === undefined ? "a person's personal chat" : `${name}'s personal chat`;
}

/** A held Teams message as the triage page lists it: in words, a staff member named only to their colleagues. */
export const heldTeamsMessageView = (
  held: HeldTeamsMessage,
  names: ReadonlyMap<string, string>,
): HeldTeamsMessageView => ({
  partition: held.partition,
  key: held.key,
  what: WHAT[held.purpose] ?? held.purpose,
  to: recipient(held.conversation, names),
  ...(held.partition.startsWith("~") ? {} : { caseId: held.partition }),
  heldSince: held.heldSince,
  reason: held.reason ?? "Teams could not take it when it was tried.",
});
