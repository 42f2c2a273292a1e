import type { InboundMessage } from "../../../../src/domain/mail/inbound-message.js";
import type { MailContext } from "../../../../src/domain/mail/mail-context.js";

/** The Family Centre North settings every mail-rule test runs with. */
export const northContext: MailContext = {
  groupMailbox: "familycentre.north@council.example",
  earlyHelpDesk: ["earlyhelpdesk@council.example"],
  ownMarker: { header: "x-fc-outbox-key" },
  caseReferencePattern: /FC-\d{4}-\d{6}/,
};

/** An ordinary email from a professional; override what the test is about. */
export const aMessage = (overrides: Partial<InboundMessage> = {}): InboundMessage => ({
  id: "AAMkAGI2TG93AAA=",
  internetMessageId: "<test-1@school.example>",
  subject: "A question",
  from: { name: "Claire Whitfield", address: "claire.whitfield@greenbank.school.example" },
  replyTo: [],
  to: [{ address: "familycentre.north@council.example" }],
  cc: [],
  receivedAt: "2026-01-12T09:30:00.000Z",
  headers: {},
  bodyText: "Hello",
  attachments: [],
  ...overrides,
});
