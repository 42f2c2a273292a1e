import type { Mailbox } from "../../src/ports/mailbox.js";

/**
 * The mailbox with some of its operations replaced (a process that stops part-way, a fault), the rest its own.
 * Bound rather than inherited: the Graph mailbox keeps its client in private fields.
 */
export function mailboxWith(inner: Mailbox, overrides: Partial<Mailbox>): Mailbox {
  const own: Mailbox = {
    readInboxPage: (link, options) => inner.readInboxPage(link, options),
    getMessage: (id) => inner.getMessage(id),
    findByInternetMessageId: (id) => inner.findByInternetMessageId(id),
    findSentByOutboxKey: (key) => inner.findSentByOutboxKey(key),
    findDraftByOutboxKey: (key) => inner.findDraftByOutboxKey(key),
    createDraft: (mail) => inner.createDraft(mail),
    createReplyDraft: (id, mail) => inner.createReplyDraft(id, mail),
    sendDraft: (draftId) => inner.sendDraft(draftId),
    draftStatus: (draftId) => inner.draftStatus(draftId),
    verifyReadable: () => inner.verifyReadable(),
    moveJunkToInbox: (since, limit) => inner.moveJunkToInbox(since, limit),
  };
  return { ...own, ...overrides };
}
