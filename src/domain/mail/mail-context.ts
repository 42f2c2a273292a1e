/** What the mail rules need to know about this Family Centre's mailbox. Built once from configuration. */
export interface MailContext {
  /** The Family Centre group mailbox address: mail from it, or marked by it, is ours. */
  readonly groupMailbox: string;
  /** Early Help Desk addresses that forward Front Door contacts: never the original referrer. */
  readonly earlyHelpDesk: readonly string[];
  /** The header our outbox stamps on every message it sends (e.g. `x-fc-outbox-key`). */
  readonly ownMarker: { readonly header: string };
  /** How a case reference looks in a subject, e.g. /FC-\d{4}-\d{6}/. */
  readonly caseReferencePattern: RegExp;
  /** Set by the caller when the message's conversation is already linked to a case. */
  readonly knownConversation?: { readonly caseId: string };
}
