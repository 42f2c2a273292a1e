import { randomUUID } from "node:crypto";
import type { Contact } from "../../domain/contact.js";
import { changeCase, type ChangeDeps } from "../change-case.js";
import type { Decider } from "../decider.js";
import { refusalsAsValues } from "../outcome.js";
import { caseUseCase, type ChangeOutcome, type ChangeRequest, type NoInput } from "./record-change.js";

/** 7.2: escalation to Children's Social Care, with the Request for Support (Bexley then puts it to its panel). */
export const recordEscalation = caseUseCase(
  (escalation: { readonly requestForSupportAttached: boolean; readonly note?: string }) => ({
    type: "recordEscalation",
    requestForSupportAttached: escalation.requestForSupportAttached,
    ...(escalation.note ? { note: escalation.note } : {}),
  }),
);

/** 7.3 / 7.4: Social Care confirms Level 4: the case goes on as wraparound support, or closes here. */
export const confirmLevel4 = caseUseCase((decision: { readonly wraparound: boolean }) => ({
  type: "confirmLevel4",
  wraparound: decision.wraparound,
}));

/** 7.1: Social Care asks for wraparound support for a family it holds; the case goes to screening. */
export const receiveWraparoundRequest = caseUseCase((_: NoInput) => ({ type: "receiveWraparoundRequest" }));

/**
 * 6.1: Social Care steps a family it held back down to Early Help, as a new contact on their case (the case comes back
 * to allocation; Bexley puts it to its transfer panel first).
 */
export async function receiveStepDown(
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  input: { readonly receivedAt?: string },
  request: ChangeRequest = {},
): Promise<ChangeOutcome> {
  return refusalsAsValues(async () => {
    const contactId = `h-${randomUUID()}`;
    const receivedAt = input.receivedAt ?? request.occurredAt ?? deps.clock.now().toISOString();
    const contact: Contact = {
      id: contactId,
      caseId,
      kind: "step-down-from-social-care",
      receivedAt,
      channel: "social-care",
      isFollowUp: false,
    };
    const change = await changeCase(
      deps,
      caseId,
      who,
      { type: "receiveStepDownFromSocialCare", contactId, occurredAt: receivedAt },
      { newContacts: [contact], ...(request.expectedEtag === undefined ? {} : { expectedEtag: request.expectedEtag }) },
    );
    return { status: "recorded" as const, ...change };
  });
}
