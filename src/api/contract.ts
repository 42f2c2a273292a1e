/**
 * The tab's API: the JSON every route takes and returns. Plain types only, no imports, so the tab (and the
 * Outlook add-in) can `import type` this file. Additive changes only: the tab is built against it.
 *
 * API_ROUTES (all under /api/, JSON; `Authorization: Bearer <Entra token>` unless marked "no auth")
 *
 *   GET  /api/me                               any staff, county-manager -> MeResponse
 *
 *   Every route above and below is also served for each centre at /api/centres/:centreId/… (that centre's own
 *   staff list, tables and profile); /api/… is the first centre's. County-wide:
 *   GET  /api/me/centres                       anyone on a centre's or the county's staff list -> MyCentresResponse
 *   GET  /api/county/compliance?from=&to=      county-manager     -> CountyComplianceResponse
 *   GET  /api/county/team                      county-manager     -> CountyTeamResponse
 *   GET  /api/county/triage?continuation=      a centre's duty-worker, manager -> CountyTriageResponse (404
 *                                              without a shared Front Door address, FC_FRONT_DOOR_MAILBOX)
 *   GET  /api/county/triage/:messageId         a centre's duty-worker, manager -> CountyTriageMail (audited read)
 *   POST /api/county/triage/:messageId/route   a centre's duty-worker, manager <- RouteFrontDoorMailRequest
 *                                              -> RouteFrontDoorMailResponse
 *
 *   GET  /api/triage?continuation=             duty-worker, manager -> TriageResponse
 *   GET  /api/agendas/:panel                   duty-worker, panel-member, manager -> AgendaResponse
 *        (:panel = "screening" | "maam" | "transfer-panel")
 *   GET  /api/pre-allocation?continuation=     duty-worker, manager -> PreAllocationResponse
 *   GET  /api/my-cases?continuation=           practitioner, duty-worker, manager -> MyCasesResponse
 *        (?workerId= a manager may look at another worker's cases)
 *   GET  /api/cases/:caseId                    any staff          -> CaseDetail (ETag header = CaseDetail.etag);
 *                                              its `actions` are what this caller may do on it now
 *   POST /api/cases/:caseId/actions/:actionId  the action's roles, If-Match <- the action's inputs by name (and
 *                                              `occurredAt`, UTC ISO, when it happened earlier) -> MutationResult
 *   GET  /api/staff                            any staff          -> StaffResponse (pickers, names)
 *   GET  /api/accessibility                    any staff          -> AccessibilityStatementResponse
 *   GET  /api/search?q=                        any staff          -> SearchResponse (only the cases the caller
 *                                              needs to know; 400 SEARCH.TOO_SHORT without a word of 2 characters)
 *   GET  /api/team                             manager, admin, county-manager -> TeamResponse
 *   GET  /api/compliance?from=&to=             manager, admin, county-manager -> ComplianceReport
 *        (`from`/`to` London dates YYYY-MM-DD, `to` inclusive; default: this calendar month to today;
 *         `?format=csv` or `Accept: text/csv` -> text/csv, one line per rule)
 *   GET  /api/settings                         admin              -> SettingsResponse
 *   PUT  /api/settings                         admin, If-Match    <- SettingsUpdate -> SettingsResponse
 *   POST /api/settings/bank-holidays           admin              <- GOV.UK bank-holidays.json -> BankHolidayImportResult
 *   PUT  /api/staff/:staffId                   admin, If-Match (absent = create) <- StaffInput -> StaffView
 *   POST /api/staff/:staffId/supervisions      manager <- { occurredAt? } -> 201 (rule 11.6, the practitioner's own log)
 *
 *   Mutations of a case: `If-Match: <CaseDetail.etag>` required (428 without, 412 when stale); each is
 *   recorded as a case event with the caller as actor; answer MutationResult (and the new ETag header).
 *   POST /api/cases/:caseId/decisions          screening: duty-worker, manager; maam/transfer-panel:
 *                                              panel-member, manager <- DecisionRequest
 *   POST /api/cases/:caseId/events             practitioner, duty-worker, manager (closure sign-off: manager)
 *                                              <- CaseEventRequest
 *   POST /api/cases/:caseId/referrer           duty-worker, manager <- ConfirmReferrerRequest
 *
 *   Contacts that did not come by email (a call, a walk-in, a letter, the Gateway, Social Care):
 *   GET  /api/contacts/form                    duty-worker, manager -> ContactFormResponse
 *   POST /api/contacts                         duty-worker, manager <- the form's inputs by name -> LoggedContact
 *
 *   Teams messages the bot could not send (held for a person, with why):
 *   GET  /api/teams-messages/held?continuation=  duty-worker, manager -> HeldTeamsMessagesResponse
 *   POST /api/teams-messages/held/retry          duty-worker, manager <- RetryTeamsMessageRequest
 *                                                -> RetryTeamsMessageResponse (404/409 TEAMS_OUTBOX.*)
 *
 *   Outlook add-in:
 *   GET  /api/mail/lookup?messageId=&internetMessageId=   any staff -> MailLookupResponse
 *   POST /api/mail/log                         duty-worker, manager <- LogMailRequest -> MailLookupResponse
 *        (an email the service ignored or quarantined is logged as a new contact, recorded under the caller)
 *   POST /api/mail/link                        duty-worker, manager <- LinkMailRequest -> MailLookupResponse
 *        (an ignored or quarantined email is attached to that case as a follow-up, recorded under the caller)
 *
 *   GET  /api/mail/set-aside?continuation=     duty-worker, manager -> SetAsideMailResponse
 *
 *   Local mode only (404 in production):
 *   GET  /api/dev/users                        no auth            -> DevUsersResponse
 *   POST /api/dev/token                        no auth            <- DevTokenRequest -> DevTokenResponse
 *
 * Errors: every non-2xx JSON body is ApiErrorBody. 401 codes: AUTH.MISSING_TOKEN, AUTH.EXPIRED,
 * AUTH.BAD_SIGNATURE, AUTH.WRONG_AUDIENCE, AUTH.WRONG_TENANT, AUTH.WRONG_ISSUER, AUTH.INVALID_TOKEN;
 * 403: AUTH.NOT_ON_STAFF_LIST, AUTH.ROLE_REFUSED, CASE.FORBIDDEN; 412: API.STALE_ETAG; 428: API.ETAG_REQUIRED;
 * 404: API.NOT_FOUND, STORE.NOT_FOUND; 400: API.BAD_REQUEST, STAFF.INVALID, SETTINGS.*, CALENDAR.*;
 * 409: CASE.TRANSITION_NOT_ALLOWED, CASE.ALREADY_DECIDED (someone decided first: the message says who and when),
 * MAIL.NOT_SET_ASIDE, MAIL.ON_ANOTHER_CASE (and other domain codes); 412: API.STALE_ETAG.
 */

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/** GET /api/sign-in: how the tab gets a token for the API by nested app authentication. */
export interface SignInConfig {
  /** The tab's own Entra registration (the API's). */
  readonly clientId: string;
  readonly tenantId: string;
  /** `api://<host>/<client id>/access_as_user`. */
  readonly scope: string;
}

export type StaffRoleName =
  "duty-worker" | "panel-member" | "practitioner" | "manager" | "admin" | "all-cases-reader" | "data-protection";
/** Held on the county's staff list: reads every centre's team and compliance views, and the county's, no case. */
export type CountyRoleName = "county-manager";
export type PanelName = "screening" | "maam" | "transfer-panel";
export type ClockStatus = "on-track" | "due-soon" | "overdue" | "breached" | "met" | "cancelled";
/** red: overdue or breached; amber: due soon; green: on track; none: no running clock. */
export type Rag = "red" | "amber" | "green" | "none";

/** A page of a list; pass `continuation` back as `?continuation=` for the next page. */
export interface PageOf<T> {
  readonly items: readonly T[];
  readonly continuation?: string;
}

export interface CitationView {
  readonly document: string;
  readonly section: string;
  /** "<document title> §<section>" */
  readonly display: string;
}

export interface RuleView {
  readonly id: string;
  readonly name: string;
  readonly kind: "clock" | "schedule" | "limit" | "warning" | "check" | "milestones";
  readonly citation: CitationView;
  readonly notes?: string;
  /** The document sets no timescale for it: the one in force is the centre's own (Settings). */
  readonly localPractice?: true;
}

export interface ActorView {
  readonly kind: "staff" | "system";
  readonly id: string;
  readonly displayName?: string;
}

// ---- /api/me ----

export interface ChecklistItemView {
  readonly id: string;
  readonly label: string;
}

export interface MeResponse {
  readonly staffId: string;
  readonly displayName: string;
  readonly roles: readonly StaffRoleName[];
  /** Set for a caller on none of this centre's staff rows whom the county's staff list names. */
  readonly countyRoles?: readonly CountyRoleName[];
  /** True when the service runs in local mode with development tokens (show a banner and the user switcher). */
  readonly localMode: boolean;
  readonly profile: {
    readonly id: string;
    readonly name: string;
    readonly version: string;
    readonly rules: readonly RuleView[];
    readonly panels: readonly { readonly id: string; readonly name: string }[];
    readonly caseloadLimits: { readonly fullTime: number; readonly partTime: number };
    /**
     * The closure-ready checklist (rule 8.2 in Family Solutions): a closure request must tick every item, by id,
     * in `checklist`. Empty when the profile has none.
     */
    readonly closureChecklist: readonly ChecklistItemView[];
  };
  readonly centreName: string;
}

// ---- clocks and case summaries ----

export interface DueView {
  /** UTC ISO-8601 */
  readonly at: string;
  /** London date YYYY-MM-DD */
  readonly londonDate: string;
}

export interface ClockView {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly citation: CitationView;
  readonly instance: number;
  readonly startedAt: string;
  readonly expected?: DueView;
  readonly maximum?: DueView;
  readonly status: ClockStatus;
  readonly rag: Rag;
  /** The next instant the clock changes status (expectation, then maximum); absent when met/cancelled/breached. */
  readonly nextDueAt?: string;
  readonly stoppedAt?: string;
  readonly cancelledAt?: string;
  /** The case closed with this clock unmet and past its maximum: it stays breached, and no longer runs. */
  readonly endedAt?: string;
  readonly metOnTime?: boolean;
  readonly withinMaximum?: boolean;
  readonly reason?: string;
}

export interface CaseSummary {
  readonly caseId: string;
  readonly state: string;
  /** "is awaiting screening" */
  readonly statePhrase: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly openedAt: string;
  /** Non-identifying ("EHA · 2 children"). */
  readonly summary?: string;
  readonly leadWorkerId?: string;
  readonly leadWorkerName?: string;
  /** 11.5: a manager flagged it among the team's most intensive or high-risk cases; every list shows it. */
  readonly highRisk?: true;
}

export interface CaseWithClocks extends CaseSummary {
  readonly rag: Rag;
  /** Earliest pending due instant of any clock. */
  readonly nextDueAt?: string;
  /** Running clocks only (met and cancelled are on the case page). */
  readonly clocks: readonly ClockView[];
  readonly etag: string;
}

// ---- triage ----

export type AcknowledgementStatus =
  | "not-required"
  | "held"
  | "pending"
  | "drafted"
  | "sent"
  /** The referrer's mail server returned it (a bounce): the duty worker must reach them another way. */
  | "not-delivered"
  | "failed"
  | "none";

export interface ReferrerView {
  readonly name?: string;
  readonly email?: string;
  readonly organisation?: string;
  readonly confirmed: boolean;
}

export interface TriageItem extends CaseSummary {
  readonly contactId: string;
  readonly receivedAt: string;
  readonly subject?: string;
  readonly classification: { readonly kind: string; readonly kindLabel: string; readonly reasons: readonly string[] };
  readonly referrer?: ReferrerView;
  readonly acknowledgement: { readonly status: AcknowledgementStatus; readonly updatedAt?: string };
  readonly etag: string;
}

export type TriageResponse = PageOf<TriageItem>;

// ---- agendas ----

export interface DecisionOption {
  readonly id: string;
  readonly label: string;
  /** What the decider must give: a note, a worker to allocate to. */
  readonly needs: readonly ("note" | "worker")[];
}

export interface DecisionMadeView {
  readonly caseId: string;
  readonly outcome: string;
  readonly outcomeLabel: string;
  readonly at: string;
  readonly by: ActorView;
  readonly note?: string;
}

export interface AgendaResponse {
  readonly panel: PanelName;
  readonly panelName: string;
  /** London date of the agenda. */
  readonly date: string;
  /** Still to decide. */
  readonly open: readonly CaseWithClocks[];
  readonly continuation?: string;
  /** Decided today (London day), newest first. */
  readonly decidedToday: readonly DecisionMadeView[];
  readonly options: readonly DecisionOption[];
  /** Roles that may decide on this panel. */
  readonly deciderRoles: readonly StaffRoleName[];
}

// ---- pre-allocation (rule 3.3) ----

export interface PreAllocationItem extends CaseWithClocks {
  /** The running weekly-contact clock (3.3), if any. */
  readonly contactClock?: ClockView;
  readonly lastContactAt?: string;
}

export type PreAllocationResponse = PageOf<PreAllocationItem>;

// ---- my cases ----

/** Sorted red, amber, green, then by next due instant (within the page). */
export type MyCasesResponse = PageOf<CaseWithClocks> & { readonly workerId: string };

// ---- case detail ----

export interface TimelineEntry {
  readonly seq: number;
  readonly type: string;
  /** "Screening decision: Step down to Early Help" */
  readonly label: string;
  readonly at: string;
  readonly recordedAt?: string;
  readonly by: ActorView;
  readonly why?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface ContactView {
  readonly contactId: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly receivedAt: string;
  readonly channel: string;
  readonly subject?: string;
  readonly referrer?: ReferrerView;
  readonly isFollowUp: boolean;
}

export interface EmailView {
  readonly key: string;
  /** acknowledgement, screening-outcome, maam-outcome … */
  readonly purpose: string;
  readonly state: "pending" | "drafted" | "sent" | "held" | "failed";
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly failureReason?: string;
}

/** One thing to give when taking an action; the tab renders its form from these. */
export interface CaseActionInputView {
  readonly name: string;
  readonly label: string;
  /** Needed; for a boolean, it must be ticked (a checklist item to do first). */
  readonly required: boolean;
  readonly type: "text" | "longtext" | "boolean" | "date" | "datetime" | "choice" | "staff";
  /** For choice and staff. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

/** Something the caller may do on the case now: POST its inputs to `path` with the case's ETag. */
export interface CaseActionView {
  /** Stable, kebab-case: "record-visit", "request-closure". */
  readonly id: string;
  readonly label: string;
  /** The profile's rules it serves, e.g. ["4.1b", "10.1"]. */
  readonly rules: readonly string[];
  /** POST here: /api/cases/FC-2026-000001/actions/record-visit */
  readonly path: string;
  readonly inputs: readonly CaseActionInputView[];
}

export interface CaseDetail {
  readonly case: CaseSummary & {
    readonly closedAt?: string;
    readonly wraparoundWorkerId?: string;
    readonly referrer?: ReferrerView;
    readonly family?: { readonly name?: string; readonly children?: readonly string[] };
  };
  readonly etag: string;
  readonly rag: Rag;
  readonly contacts: readonly ContactView[];
  /** The audit trail, oldest first. */
  readonly timeline: readonly TimelineEntry[];
  /** Every clock instance, running, met and cancelled. */
  readonly clocks: readonly ClockView[];
  readonly emails: readonly EmailView[];
  /** Checks the record evidences stage by stage (9 voice of the child; Bexley §12 oversight): where each is missing. */
  readonly checks?: readonly CheckView[];
  /** The checks a closure requested now would meet, for the closure checklist (absent once closed). */
  readonly closureChecks?: readonly CheckView[];
  /** Warnings the practice framework raised on the case (4.2 a visit late in the day): advice, never a refusal. */
  readonly warnings?: readonly WarningView[];
  /** What the caller may do on the case now, derived from its state, their roles and the practice framework. */
  readonly actions: readonly CaseActionView[];
}

export interface WarningView {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly citation: CitationView;
  readonly message: string;
  /** The event that raised it, as the timeline names it, and when it happened. */
  readonly seq: number;
  readonly label: string;
  readonly at: string;
}

export interface CheckStageView {
  readonly seq: number;
  readonly event: string;
  /** "Early Help Assessment completed" */
  readonly label: string;
  readonly at: string;
  /** evidenced: the record shows it; missing: the stage passed without it; awaiting: it may yet be recorded. */
  readonly status: "evidenced" | "missing" | "awaiting";
  readonly evidencedAt?: string;
}

export interface CheckView {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly citation: CitationView;
  readonly items: readonly ChecklistItemView[];
  readonly stages: readonly CheckStageView[];
  /** How many stages are missing it. */
  readonly missing: number;
}

// ---- mutations ----

export interface DecisionRequest {
  readonly panel: PanelName;
  readonly outcome: string;
  readonly note?: string;
  /** For outcomes that need a worker. */
  readonly workerId?: string;
}

/** What a practitioner records on a case; `occurredAt` (UTC ISO) when it happened earlier than now. */
export type CaseEventRequest = { readonly occurredAt?: string } & (
  | { readonly type: "initial-contact" }
  | { readonly type: "visit"; readonly childSeen: boolean; readonly lateInDay?: boolean }
  | { readonly type: "assessment"; readonly cypaUnderThreeMonths?: boolean }
  | { readonly type: "plan" }
  | { readonly type: "review" }
  | {
      readonly type: "case-note";
      readonly noteType:
        "case-note" | "managers-decision" | "voice-of-child" | "supervision-discussion" | "contact-record";
      readonly note: string;
    }
  | {
      readonly type: "closure-request";
      readonly checklist: Readonly<Record<string, boolean>>;
      readonly summary: string;
    }
  | { readonly type: "closure-sign-off"; readonly endDate: string }
  | { readonly type: "closure-rejection"; readonly reason: string }
  | { readonly type: "pre-allocation-contact"; readonly note?: string }
  | { readonly type: "allocate"; readonly workerId: string }
  | { readonly type: "clock-reason"; readonly rule: string; readonly instance: number; readonly reason: string }
);

export interface ConfirmReferrerRequest {
  readonly contactId: string;
  readonly name?: string;
  readonly email?: string;
  readonly organisation?: string;
}

export interface MutationResult {
  readonly caseId: string;
  readonly etag: string;
  readonly state: string;
  /** The events this mutation appended to the audit trail. */
  readonly events: readonly TimelineEntry[];
  /** Rule 11.3 and similar: shown to the person, never a refusal. */
  readonly warnings: readonly string[];
  readonly letterQueued?: boolean;
}

// ---- contacts logged by hand ----

export interface ContactFormResponse {
  readonly inputs: readonly CaseActionInputView[];
}

export interface LoggedContact {
  readonly caseId: string;
  readonly contactId: string;
  readonly state: string;
}

// ---- staff and team ----

export interface StaffView {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly StaffRoleName[];
  readonly hoursPerWeek?: number;
  readonly managerId?: string;
  readonly caseloadLimit?: number;
  /** When an admin deactivated them: they keep their history, and can no longer sign in to anything. */
  readonly deactivatedAt?: string;
  readonly etag: string;
}

export type StaffInput = Omit<StaffView, "id" | "etag" | "deactivatedAt">;

export interface StaffResponse {
  readonly staff: readonly StaffView[];
}

export interface CaseloadView {
  readonly staffId: string;
  readonly displayName: string;
  readonly hours: "full-time" | "part-time";
  readonly openCases: number;
  readonly limit: number;
  /** Whose limit: the person's agreed one, or the profile's for their hours (rule 11.3). */
  readonly limitSource: "agreed" | "profile";
  readonly over: boolean;
  readonly redClocks: number;
  /** Their supervision clock (11.6): the latest instance, running or met; absent before their first supervision. */
  readonly supervision?: ClockView;
}

export interface TeamResponse {
  readonly rule: RuleView | undefined;
  readonly caseloads: readonly CaseloadView[];
  readonly overLimit: readonly string[];
}

// ---- compliance ----

export interface RuleCompliance {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly citation: CitationView;
  /** Clocks stopped in the period by their expectation (or maximum, when the rule has no expectation). */
  readonly onTime: number;
  /** Clocks stopped in the period after it. */
  readonly late: number;
  /** Still running at the end of the period and already past their due instant. */
  readonly lateStillOpen: number;
  /** Of `late`, how many were still within the rule's maximum. */
  readonly lateWithinMaximum: number;
  /** Of `late`, how many were never met: the case closed with them already past their maximum. */
  readonly lateUnmet: number;
  readonly cancelled: number;
  /** The on-time percentage aimed for: the profile's, else 100 (the framework sets the timescale for every case). */
  readonly target: number;
  /** Each month the period touches, oldest first: clocks stopped in it on time and late (the monthly trend). */
  readonly months: readonly MonthOnTime[];
}

export interface MonthOnTime {
  /** YYYY-MM, a London calendar month. */
  readonly month: string;
  readonly onTime: number;
  readonly late: number;
}

export interface ExceedingReason {
  readonly caseId: string;
  readonly ruleId: string;
  readonly instance: number;
  readonly reason: string;
}

export interface LongOpenCase {
  readonly caseId: string;
  readonly openedAt: string;
  readonly leadWorkerId?: string;
}

export interface LongOpenBucket {
  /** Open at least this many months (and fewer than the next bucket's). */
  readonly months: number;
  readonly ruleId: string;
  readonly cases: readonly LongOpenCase[];
  /** True when there are more than `cases` shows. */
  readonly more: boolean;
}

/** A check the record evidences (9 voice of the child, Bexley §12 oversight): its stages in the period. */
export interface CheckCompliance {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly citation: CitationView;
  readonly evidenced: number;
  /** Stages that passed without it (the voice of the child not recorded at an assessment, plan, review, closure). */
  readonly missing: number;
}

export interface ComplianceReport {
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
  readonly rules: readonly RuleCompliance[];
  readonly checks: readonly CheckCompliance[];
  readonly reasons: readonly ExceedingReason[];
  readonly longOpen: readonly LongOpenBucket[];
}

// ---- people across centres, and the county's views ----

/** A centre the caller works in (or, for a county manager, any centre), with their roles there. */
export interface MyCentre {
  readonly id: string;
  readonly name: string;
  readonly profileId: string;
  /** On this centre's own staff list. A county manager may read a centre's figures without being on it. */
  readonly onStaff: boolean;
  readonly roles: readonly StaffRoleName[];
}

export interface MyCentresResponse {
  readonly staffId: string;
  readonly displayName: string;
  readonly centres: readonly MyCentre[];
  readonly countyRoles: readonly CountyRoleName[];
  /** The deployment reads a shared Front Door address: its county triage queue is every centre's duty workers'. */
  readonly frontDoor?: true;
}

/** One rule's clocks summed over the centres whose profile has it. */
export interface CountyRuleTotal {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly centres: number;
  readonly onTime: number;
  readonly late: number;
  readonly lateStillOpen: number;
}

export interface CountyComplianceResponse {
  readonly from: string;
  readonly to: string;
  /** Each centre's own report, on its own profile and calendar, side by side. */
  readonly centres: readonly {
    readonly id: string;
    readonly name: string;
    readonly profileId: string;
    readonly report: ComplianceReport;
    /** Its clocks over every rule. */
    readonly total: ClocksTotal;
  }[];
  readonly total: ClocksTotal & { readonly rules: readonly CountyRuleTotal[] };
}

export interface ClocksTotal {
  readonly onTime: number;
  readonly late: number;
  readonly lateStillOpen: number;
}

export interface CaseloadsTotal {
  readonly practitioners: number;
  readonly openCases: number;
  readonly overLimit: number;
  readonly redClocks: number;
}

export interface CountyTeamResponse {
  readonly centres: readonly {
    readonly id: string;
    readonly name: string;
    readonly team: TeamResponse;
    readonly total: CaseloadsTotal;
  }[];
  readonly total: CaseloadsTotal;
}

// ---- settings ----

export interface SettingsResponse {
  readonly profileId: string;
  readonly profiles: readonly { readonly id: string; readonly name: string }[];
  readonly closureDays: readonly string[];
  /** Bank holidays imported from GOV.UK (empty: the built-in England & Wales list is used). */
  readonly bankHolidays: readonly { readonly date: string; readonly title: string }[];
  /** Chat ids by purpose: duty, screening, maam, transfer-panel. */
  readonly chatIds: Readonly<Record<string, string>>;
  /** Timescales the document sets none for, so the centre sets its own (Bexley's letters to referrers). */
  readonly localTimescales?: readonly LocalTimescaleView[];
  /**
   * What cards in group chats show of a case: `reference-and-kind` (the default: no names), `with-initials`,
   * `with-referrer-organisation`.
   */
  readonly sharedCardDetail: "reference-and-kind" | "with-initials" | "with-referrer-organisation";
  /**
   * Months kept after closure, by how the case closed. `retentionSaved` false: these are placeholders (not advice)
   * and the nightly retention run deletes nothing until an admin saves the council's own schedule.
   */
  readonly retentionMonths: Readonly<Record<RetentionOutcomeName, number>>;
  readonly retentionSaved: boolean;
  /** Whom staff contact about accessibility (the accessibility statement shows it); blank parts left out. */
  readonly accessibilityContact: AccessibilityContactView;
  readonly etag: string;
}

export type RetentionOutcomeName =
  "closed-at-screening" | "closed-after-maam" | "closed-after-casework" | "not-a-contact" | "ignored-mail";

export interface TimescaleView {
  readonly amount: number;
  /** hours, calendar-days, calendar-weeks, working-days, working-hours, calendar-months */
  readonly unit: string;
}

export interface LocalTimescaleView {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly timescale: TimescaleView;
  /** The profile's own default, for "back to the default". */
  readonly defaultTimescale: TimescaleView;
}

export interface SettingsUpdate {
  readonly profileId?: string;
  readonly closureDays?: readonly string[];
  readonly chatIds?: Readonly<Record<string, string>>;
  /** By rule id; only the rules `localTimescales` lists. */
  readonly localTimescales?: Readonly<Record<string, TimescaleView>>;
  readonly sharedCardDetail?: SettingsResponse["sharedCardDetail"];
  readonly retentionMonths?: Partial<Record<RetentionOutcomeName, number>>;
  /** Replaces the whole contact; blank parts are dropped (400 SETTINGS.BAD_ACCESSIBILITY_CONTACT). */
  readonly accessibilityContact?: AccessibilityContactView;
}

export interface AccessibilityContactView {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

// ---- search ----

/** Where a search's words were found (the found words themselves are not repeated). */
export type SearchMatchField = "reference" | "referrer" | "family" | "subject";

export interface SearchHitView extends CaseWithClocks {
  readonly matchedOn: readonly SearchMatchField[];
}

/** GET /api/search?q=: the cases found, most urgent first; `more` when there were more than shown. */
export interface SearchResponse {
  readonly query: string;
  readonly items: readonly SearchHitView[];
  readonly more: boolean;
}

/** GET /api/accessibility: what the accessibility statement page names. */
export interface AccessibilityStatementResponse {
  readonly centreName: string;
  readonly contact: AccessibilityContactView;
}

export interface BankHolidayImportResult {
  readonly imported: number;
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly etag: string;
}

// ---- Outlook add-in ----

export interface MailLookupResponse {
  readonly logged: boolean;
  /** What the service did with it: claimed (being handled), logged, ignored (with a reason). */
  readonly state?: "claimed" | "logged" | "ignored" | "quarantined";
  readonly reason?: string;
  readonly contactId?: string;
  readonly case?: CaseWithClocks;
  /**
   * Graph immutable id of the mailbox's copy, whenever the mailbox holds the email: the Outlook pane only knows the
   * internetMessageId, and sends this back to log or link the message. Absent: the mailbox never received it.
   */
  readonly messageId?: string;
}

export interface LogMailRequest {
  /** Graph immutable id of the message in the Family Centre mailbox. */
  readonly messageId: string;
}

export interface LinkMailRequest {
  readonly messageId: string;
  readonly caseId: string;
}

// ---- Teams messages held ----

/** A Teams message the bot could not send, held for a person: what, where to, since when, and why. */
export interface HeldTeamsMessageView {
  /** With `key`, names the message for a retry. */
  readonly partition: string;
  readonly key: string;
  /** "Triage card", "Screening agenda", "Morning digest"… */
  readonly what: string;
  /** "the duty chat", "Pat Practitioner's personal chat"… */
  readonly to: string;
  /** The case it is about, when it is about one. */
  readonly caseId?: string;
  readonly heldSince: string;
  /** Why it is held and what puts it right. */
  readonly reason: string;
}

export type HeldTeamsMessagesResponse = PageOf<HeldTeamsMessageView>;

export interface RetryTeamsMessageRequest {
  readonly partition: string;
  readonly key: string;
}

export interface RetryTeamsMessageResponse {
  readonly released: true;
}

/** An email the service ignored or quarantined (issue 19 §5): why, when, and the sender's domain only. */
export interface SetAsideMailItem {
  /** Graph immutable id: send it back to /api/mail/log or /api/mail/link. */
  readonly messageId: string;
  readonly state: "ignored" | "quarantined";
  /** The intake's code for why (e.g. "autoreply", "read-receipt", "duplicate-delivery", an error code). */
  readonly reason: string;
  readonly reasonLabel: string;
  readonly receivedAt: string;
  readonly senderDomain?: string;
}

export type SetAsideMailResponse = PageOf<SetAsideMailItem>;

/** An email to the county's shared Front Door address waiting for a person to choose its centre (issue 21 §4). */
export interface CountyTriageItem extends SetAsideMailItem {
  /** It waits for a person to choose its centre; false: set aside as not a referral (an autoreply…), routable still. */
  readonly waiting: boolean;
  /** A centre already chosen for it and being handed over (a person's, or the area rule's whose centre set it aside). */
  readonly routing?: {
    readonly centre: string;
    readonly by: "postcode" | "school" | "person";
    readonly personName?: string;
  };
}

export interface CountyTriageResponse extends PageOf<CountyTriageItem> {
  /** The centres an email can be routed to. */
  readonly centres: readonly { readonly id: string; readonly name: string }[];
}

/** One waiting email as a duty worker reads it to choose its centre (the read is audited). */
export interface CountyTriageMail {
  readonly messageId: string;
  readonly receivedAt: string;
  readonly from?: string;
  readonly subject: string;
  readonly bodyText: string;
}

export interface RouteFrontDoorMailRequest {
  readonly centre: string;
}

export interface RouteFrontDoorMailResponse {
  readonly centre: { readonly id: string; readonly name: string };
  readonly caseId: string;
}

// ---- local mode ----

export interface DevUser {
  readonly staffId: string;
  readonly displayName: string;
  /** Their roles in every centre they work in, and the county's. */
  readonly roles: readonly (StaffRoleName | CountyRoleName)[];
}

export interface DevUsersResponse {
  readonly users: readonly DevUser[];
  /** The issuer that labels every development token. */
  readonly issuer: string;
}

export interface DevTokenRequest {
  readonly staffId: string;
}

export interface DevTokenResponse {
  readonly token: string;
  readonly expiresAt: string;
  readonly issuer: string;
}

// ---- data protection (the data-protection role only) ----

/** Correct (with `correction`) or redact (without) a text everywhere case `:caseId` holds it. */
export interface RedactionRequest {
  readonly text: string;
  readonly correction?: string;
  readonly reason: string;
}

export interface RedactionResult {
  readonly caseId: string;
  readonly mode: "corrected" | "redacted";
  /** Where the text was (field paths, event numbers, outbox keys), never the text. */
  readonly places: readonly string[];
  readonly etag: string;
}

export type PersonRoleName = "referrer" | "family" | "child" | "mentioned";

/** `GET /api/people?query=`: people held whose name, email or phone matches, on a case, or named in notes. */
export interface PeopleSearchResponse {
  readonly items: readonly {
    readonly personKey: string;
    readonly name?: string;
    readonly email?: string;
    readonly roles: readonly PersonRoleName[];
    readonly cases: readonly string[];
  }[];
}

/** `GET /api/audit?caseId=&actor=&from=&to=`: the access audit, oldest first (dates YYYY-MM-DD, UTC). */
export interface AuditTrailResponse {
  readonly items: readonly {
    readonly at: string;
    /** A member of staff's id, or `system:…` for a scheduled job (`system:retention`). */
    readonly actor: string;
    readonly action: string;
    readonly caseId?: string;
  }[];
}

/** `GET /api/people/:personKey/export`: everything held about one person, nothing about anyone else. */
export interface SubjectAccessExport {
  readonly personKey: string;
  readonly generatedAt: string;
  readonly person: { readonly name?: string; readonly email?: string; readonly searchedFor?: string };
  readonly cases: readonly {
    readonly caseId: string;
    readonly roles: readonly PersonRoleName[];
    readonly state: string;
    readonly openedAt: string;
    readonly closedAt?: string;
    readonly contacts: readonly {
      readonly contactId: string;
      readonly receivedAt: string;
      readonly kind: string;
      readonly channel: string;
      readonly subject?: string;
      readonly referrer?: { readonly name?: string; readonly email?: string; readonly organisation?: string };
    }[];
    readonly notes: readonly {
      readonly seq: number;
      readonly type: string;
      readonly at: string;
      readonly texts: readonly string[];
    }[];
  }[];
}
