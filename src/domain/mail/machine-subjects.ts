import { opening } from "./automated-subjects.js";

/*
 * Subject openings and phrases that mail systems write on their notices. Openings are matched at the start of the
 * subject only, so a person's "FW: Delivery delayed" stays a person's email; the phrases are used only together
 * with other evidence that a machine sent the message.
 */

/** RFC 3464 reports that are not failures: delays and warnings (Action: delayed), relays and deliveries. */
export const DELIVERY_NOTICE_SUBJECTS: readonly RegExp[] = [
  opening("delivery delayed"), // Exchange Online, Outlook.com
  opening("delivery status notification \\((?:delay|success)\\)"), // Gmail
  opening("warning: message .{0,200} delayed"), // Exim
  opening("delayed mail \\(still being retried\\)"), // Postfix
  opening("warning: could not send message for past"), // Sendmail
  opening("mail delivery delayed"),
  opening("message delayed"),
  opening("remise différée"), // French Exchange
  opening("zustellung verzögert"), // German Exchange
  opening("delivered"), // Exchange delivery receipt ("Delivered: …")
  opening("relayed"), // Exchange: delivered to a server that sends no receipts
  opening("successful mail delivery report"), // Postfix delivery receipt
];

/** The human-readable part of a delay report (the machine part is an attachment Graph does not open). */
export const DELAY_WORDING =
  /\b(?:delayed|has not yet been delivered|hasn't been delivered yet|not been delivered yet|will (?:be )?retr(?:y|ied)|will (?:keep|continue) (?:trying|to try)|delivery will continue|still (?:trying|being retried)|warning (?:message )?only|temporary problem delivering)\b/i;

/** MDN read receipts (RFC 8098) and their older relatives (Lotus Notes "Return Receipt"), in our referrers' languages. */
export const READ_RECEIPT_SUBJECTS: readonly RegExp[] = [
  opening("read:"),
  opening("not read:"),
  opening("read receipt"),
  opening("return receipt"),
  opening("gelesen:"),
  opening("ungelesen:"),
  opening("lu :"),
  opening("leído:"),
  opening("letto:"),
  opening("gelezen:"),
  opening("odczytano:"),
  opening("lido:"),
  opening("läst:"),
  opening("darllenwyd:"), // Welsh
];

export const RECEIPT_WORDING =
  /\b(?:was read on|was received by|has been (?:displayed|read)|this is a (?:read )?receipt for the (?:mail|message)|was displayed on the recipient's)\b/i;

export const RECALL_SUBJECTS: readonly RegExp[] = [opening("recall:"), opening("rappel :"), opening("rückruf:")];
export const RECALL_REPORT_SUBJECTS: readonly RegExp[] = [opening("message recall (?:failure|success|report)")];
export const RECALL_WORDING = /\bwould like to recall the message\b|\bmöchte die nachricht .{0,80} zurückrufen\b/i;

/** Invitations and responses as Outlook, Exchange, Google and Apple calendars write them. */
export const CALENDAR_SUBJECTS: readonly RegExp[] = [
  opening("(?:updated )?invitation(?: to|:)"),
  opening("accepted:"),
  opening("declined:"),
  opening("tentative:"),
  opening("tentatively accepted:"),
  opening("cancell?ed(?: event)?:"),
  opening("new time proposed:"),
  opening("meeting forward notification:"),
  opening("event invitation"),
  opening("updated event:"),
];

/** Mailing-list software's own notices: moderation, probes, subscription and membership. */
export const LIST_ADMIN_WORDING =
  /\b(?:awaits? moderator approval|awaiting moderator approval|requires? (?:moderator )?approval|held for moderation|mailing list probe|welcome to the .{1,120} (?:mailing )?list|you (?:have been|are now|were) (?:un)?subscribed|subscription (?:request|confirmation)|unsubscribe (?:request|confirmation)|confirm (?:your )?(?:subscription|[0-9a-f]{16,})|results of your commands?|command results|you(?:'ve| have) been added to|your message .{0,120} (?:was|has been) rejected|membership (?:request|notice))\b/i;

/** Spam filters that hold mail until its sender proves to be a person (Boxbe, Spam Arrest, Mailblocks…). */
export const CHALLENGE_WORDING =
  /\b(?:please verify|verify your (?:e-?mail|address|message)|request for verification|sender verification|confirm (?:that )?you are (?:a )?(?:human|person|real)|are you (?:a )?human|(?:e-?mail|message) requires? (?:your )?(?:verification|confirmation)|approve (?:your|this) (?:e-?mail|message) (?:to|for) delivery|one-time verification)\b/i;

/** Reports SMS gateways send back by email: a text delivered, failed or answered. */
export const SMS_SUBJECTS: readonly RegExp[] = [
  opening("(?:sms|text message) (?:delivery|delivered|failed|failure|status|report|receipt)"),
  opening("delivery (?:report|receipt) for (?:sms|text)"),
  opening("(?:new )?(?:sms|text message) (?:reply )?from"),
  opening("sms reply"),
];

/** Antivirus and mail-gateway notices: quarantine digests, held or blocked messages, stripped attachments. */
export const ANTIVIRUS_WORDING =
  /\b(?:virus (?:found|detected|alert|warning)|infected (?:attachment|file|message)|quarantine(?:d)? (?:notification|digest|summary|report)|messages? (?:blocked|held|quarantined)|(?:have|has) been quarantined|in quarantine|attachment (?:removed|blocked|stripped|deleted)|email threat|malware (?:detected|found)|blocked (?:attachment|message)|held message notification|suspicious (?:attachment|content) (?:removed|blocked))\b/i;
