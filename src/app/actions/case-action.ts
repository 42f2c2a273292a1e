import type { Case } from "../../domain/case.js";
import type { CaseEvent, CaseEventType } from "../../domain/case-events.js";
import type { Contact } from "../../domain/contact.js";
import type { CaseCommandType } from "../../domain/lifecycle/index.js";
import type { Deadline } from "../../domain/rules/deadlines.js";
import type { Profile } from "../../domain/rules/profile-schema.js";
import type { AppDeps } from "../app-deps.js";
import type { ChangeRequest } from "../casework/record-change.js";
import type { Door } from "../audit.js";
import type { Decider } from "../decider.js";
import type { Refused } from "../outcome.js";

export type ActionInputType = "text" | "longtext" | "boolean" | "date" | "datetime" | "choice" | "staff";

/** One thing a person gives to take an action; every door (tab form, Teams card) renders it from this. */
export interface ActionInput {
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  readonly type: ActionInputType;
  /** The choices of a `choice` or `staff` input. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

/** An action this person may take on this case now: what the case page and the personal case card offer. */
export interface CaseAction {
  /** Stable, kebab-case: "record-visit", "request-closure". */
  readonly id: string;
  readonly label: string;
  /** The profile's rules it serves (those its events start, stop or check). */
  readonly rules: readonly string[];
  readonly inputs: readonly ActionInput[];
}

/** The inputs as given, read against their declarations: text trimmed, booleans and dates checked. */
export type ActionValues = Readonly<Record<string, string | boolean | undefined>>;

/** What an action needs to know to offer itself and say what it needs. */
export interface ActionContext {
  readonly kase: Case;
  readonly contacts: readonly Contact[];
  readonly profile: Profile;
  /** Practitioners a case can be allocated to (rule 11.3's caseloads in their labels). */
  readonly practitioners: readonly { readonly value: string; readonly label: string }[];
  /** The case's clocks as they stand now. */
  readonly clocks: readonly Deadline[];
  /** The deployment's other centres a case can be transferred to (none where it serves one). */
  readonly otherCentres: readonly { readonly value: string; readonly label: string }[];
}

/** What an action did, as every door answers it (the API's MutationResult, the card redrawn). */
export type ActionOutcome =
  | { readonly status: "recorded"; readonly events: readonly CaseEvent[] }
  /** Nothing new: the same thing was on the log already (a retried request); the event that holds. */
  | { readonly status: "already-recorded"; readonly events: readonly CaseEvent[] }
  /** Nothing new: a colleague decided first; the message says who, when and what. */
  | { readonly status: "already-decided"; readonly message: string }
  | Refused;

/** One intention a person can have about a case, and the use case that carries it out. */
export interface CaseActionSpec {
  readonly id: string;
  readonly label: string;
  /**
   * Who may take it, and when: the lifecycle's rules for the command it gives (`mayGive`), or for an intention that
   * is not a case command (a practitioner's supervision) the domain's own gate.
   */
  readonly allowed:
    { readonly command: CaseCommandType } | { readonly gate: (ctx: ActionContext, who: Decider) => boolean };
  /** The events it records: the profile's rules naming them are the rules it serves. */
  readonly events: readonly CaseEventType[];
  readonly inputs: (ctx: ActionContext) => readonly ActionInput[];
  /** Whether this practice framework and this case have a use for it at all (a panel, a checklist, a lead worker). */
  readonly offered?: (ctx: ActionContext) => boolean;
  readonly run: (
    deps: AppDeps,
    caseId: string,
    who: Decider,
    values: ActionValues,
    request: ChangeRequest,
    /** Through which door: the tab's API or the bot (what an audited action records). */
    via: Door,
  ) => Promise<ActionOutcome>;
}
