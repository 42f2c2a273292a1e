import { confirmReferrer } from "../../src/app/confirm-referrer.js";
import { STATE_PHRASES } from "../../src/domain/lifecycle/index.js";
import type { BotDeps } from "../bot-deps.js";
import { recorded, refusal } from "../replies.js";
import { firstCard, screeningAgenda } from "../views/agenda-cards.js";
import { TRIAGE_INPUTS, TRIAGE_VERBS } from "../cards/triage.js";
import { whoIs } from "../people.js";
import type { Turn } from "../turn.js";
import { field } from "./action-input.js";
import { forEveryone, forThisPerson, type ActionResult } from "./action-result.js";
import { decideOnce, notOnStaffList } from "./decision-outcome.js";

type Data = Readonly<Record<string, unknown>>;

/** `triage.confirmReferrer`: the duty worker confirms (or corrects) the original referrer; a held 1.2 acknowledgement is released. */
async function confirmTheReferrer(deps: BotDeps, verb: string, turn: Turn, data: Data): Promise<ActionResult> {
  const caseId = field(data, "caseId");
  const contactId = field(data, "contactId");
  const email = field(data, TRIAGE_INPUTS.referrerEmail);
  if (caseId === undefined || contactId === undefined || email === undefined) {
    return forThisPerson(refusal("Nothing was recorded", "Give the referrer's email address, then confirm."));
  }
  const who = await whoIs(deps, turn.user);
  if (who === undefined) return notOnStaffList();
  const name = field(data, TRIAGE_INPUTS.referrerName);
  const organisation = field(data, TRIAGE_INPUTS.referrerOrganisation);
  const lastConfirmation = async () =>
    (await deps.app.cases.findCase(caseId))?.case.events.findLast(
      (e) => e.type === "referrer.confirmed" && e.data.contactId === contactId,
    );
  const confirmed = async (already = false) => {
    const event = await lastConfirmation();
    if (event === undefined) return forThisPerson(refusal("Nothing was recorded", `Open case ${caseId} in the tab.`));
    const decision = {
      byName: event.by.displayName ?? event.by.id,
      at: event.at,
      outcomeLabel: "referrer confirmed; the acknowledgement (rule 1.2) goes to them",
    };
    return forEveryone(recorded(deps.app.calendar.timeZone, caseId, decision, already));
  };
  // Teams retries invokes: the same confirmation already on the log is not written again.
  const last = await lastConfirmation();
  if (last?.type === "referrer.confirmed" && last.data.referrer.email === email) return confirmed(true);
  return decideOnce(
    deps,
    caseId,
    verb,
    who,
    () =>
      confirmReferrer(deps.app, caseId, contactId, who, {
        email,
        ...(name ? { name } : {}),
        ...(organisation ? { organisation } : {}),
      }),
    () => confirmed(),
    async () => false,
  );
}

/** `triage.addToScreening`: a contact waiting for screening is on the next daily agenda (rule 2.1) already. */
async function addToScreening(deps: BotDeps, _verb: string, turn: Turn, data: Data): Promise<ActionResult> {
  const caseId = field(data, "caseId");
  if ((await whoIs(deps, turn.user)) === undefined) return notOnStaffList();
  const stored = caseId === undefined ? undefined : await deps.app.cases.findCase(caseId);
  if (stored === undefined) {
    return forThisPerson(refusal("Case not found", `There is no case ${caseId ?? ""}. Check the reference.`));
  }
  if (stored.case.state !== "awaiting-screening") {
    return forThisPerson(
      refusal(
        `Case ${stored.case.id} ${STATE_PHRASES[stored.case.state]}`,
        "Only a contact awaiting screening goes on the screening agenda.",
      ),
    );
  }
  // It is on every screening agenda while it waits; this shows its item so it can be screened now.
  return forThisPerson(firstCard(await screeningAgenda(deps, [stored])));
}

/** Linking and "not a contact" change which case a contact belongs to; the lifecycle has no command for that yet. */
async function inTheTab(deps: BotDeps, _verb: string, turn: Turn): Promise<ActionResult> {
  if ((await whoIs(deps, turn.user)) === undefined) return notOnStaffList();
  return forThisPerson(
    refusal(
      "Do this in the tab",
      "Linking a contact to another case and marking it as not a contact cannot be recorded from Teams yet. Open the contact in the tab. Nothing was recorded.",
    ),
  );
}

export const TRIAGE_ACTIONS = {
  [TRIAGE_VERBS.confirmReferrer]: confirmTheReferrer,
  [TRIAGE_VERBS.addToScreening]: addToScreening,
  [TRIAGE_VERBS.linkCase]: inTheTab,
  [TRIAGE_VERBS.notAContact]: inTheTab,
} as const;
