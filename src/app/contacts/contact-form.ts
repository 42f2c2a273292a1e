import { CONTACT_KIND_LABELS, CONTACT_KINDS, type ContactKind } from "../../domain/contact.js";
import type { ActionInput } from "../actions/case-action.js";
import { choice, readValues, text, textInput } from "../actions/action-inputs.js";
import type { AppDeps } from "../app-deps.js";
import type { Decider } from "../decider.js";
import { refused } from "../outcome.js";
import { logContactByHand, type HandChannel, type HandContactLogged } from "./log-contact-by-hand.js";

const CHANNELS: readonly { readonly value: HandChannel; readonly label: string }[] = [
  { value: "phone", label: "Phone call" },
  { value: "walk-in", label: "Walk-in" },
  { value: "letter", label: "Letter" },
  { value: "gateway", label: "Gateway enquiry" },
  { value: "social-care", label: "From Children's Social Care" },
];

/** The kinds a person logs by hand: all but what only the mailbox brings (an EHA or Request for Support form). */
const HAND_KINDS: readonly ContactKind[] = CONTACT_KINDS.filter((k) => k !== "early-help-assessment");

/** "Log a contact": what the tab's triage page and the bot's `log contact` card both ask, from this one list. */
export const CONTACT_FORM: readonly ActionInput[] = [
  choice(
    "kind",
    "What it is",
    HAND_KINDS.map((kind) => ({ value: kind, label: CONTACT_KIND_LABELS[kind] })),
  ),
  choice("channel", "How it came", CHANNELS),
  { name: "received-at", label: "When it was received", required: true, type: "datetime" },
  textInput("referrer-name", "Who referred (name)"),
  textInput("referrer-email", "Their email (the acknowledgement goes here)"),
  textInput("referrer-organisation", "Their organisation"),
  textInput("summary", "What it is about, in a few words (no names)"),
];

/** Logs a contact from the form's values, as either door sends them. */
export async function logContactFromForm(
  deps: AppDeps,
  who: Decider,
  sent: Readonly<Record<string, unknown>>,
): Promise<HandContactLogged> {
  const read = readValues(CONTACT_FORM, sent);
  if ("problems" in read) return refused("CONTACT.INVALID", read.problems.join(" "));
  const { values } = read;
  const name = text(values, "referrer-name");
  const email = text(values, "referrer-email");
  const organisation = text(values, "referrer-organisation");
  const summary = text(values, "summary");
  const referrer = {
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...(organisation ? { organisation } : {}),
  };
  return logContactByHand(deps, who, {
    kind: text(values, "kind") as ContactKind,
    channel: text(values, "channel") as HandChannel,
    receivedAt: text(values, "received-at") ?? "",
    ...(Object.keys(referrer).length > 0 ? { referrer } : {}),
    ...(summary ? { summary } : {}),
  });
}
