import type * as C from "../../../src/api/contract.js";
import type { ApiResponse, HttpClient } from "./http-client.js";

/** Everything the tab and the Outlook pane ask of the service, typed by the API's contract. */
export interface FcApi {
  me(): Promise<ApiResponse<C.MeResponse>>;
  triage(continuation?: string): Promise<ApiResponse<C.TriageResponse>>;
  agenda(panel: C.PanelName, continuation?: string): Promise<ApiResponse<C.AgendaResponse>>;
  preAllocation(continuation?: string): Promise<ApiResponse<C.PreAllocationResponse>>;
  myCases(continuation?: string): Promise<ApiResponse<C.MyCasesResponse>>;
  caseDetail(caseId: string): Promise<ApiResponse<C.CaseDetail>>;
  staff(): Promise<ApiResponse<C.StaffResponse>>;
  team(): Promise<ApiResponse<C.TeamResponse>>;
  compliance(from: string, to: string): Promise<ApiResponse<C.ComplianceReport>>;
  complianceCsv(from: string, to: string): Promise<string>;
  settings(): Promise<ApiResponse<C.SettingsResponse>>;
  updateSettings(update: C.SettingsUpdate, etag: string): Promise<ApiResponse<C.SettingsResponse>>;
  importBankHolidays(file: unknown, settingsEtag: string): Promise<ApiResponse<C.BankHolidayImportResult>>;
  saveStaff(staffId: string, input: C.StaffInput, etag?: string): Promise<ApiResponse<C.StaffView>>;
  deactivateStaff(staffId: string, etag: string): Promise<ApiResponse<C.StaffView>>;
  decide(caseId: string, request: C.DecisionRequest, etag: string): Promise<ApiResponse<C.MutationResult>>;
  recordEvent(caseId: string, request: C.CaseEventRequest, etag: string): Promise<ApiResponse<C.MutationResult>>;
  /** Takes one of a case's actions: its `path`, its inputs by name, the case's ETag. */
  takeAction(
    path: string,
    values: Readonly<Record<string, unknown>>,
    etag: string,
  ): Promise<ApiResponse<C.MutationResult>>;
  contactForm(): Promise<ApiResponse<C.ContactFormResponse>>;
  recordSupervision(staffId: string, values: Readonly<Record<string, unknown>>): Promise<ApiResponse<object>>;
  logContact(values: Readonly<Record<string, unknown>>): Promise<ApiResponse<C.LoggedContact>>;
  confirmReferrer(
    caseId: string,
    request: C.ConfirmReferrerRequest,
    etag: string,
  ): Promise<ApiResponse<C.MutationResult>>;
  mailLookup(internetMessageId: string): Promise<ApiResponse<C.MailLookupResponse>>;
  logMail(request: C.LogMailRequest): Promise<ApiResponse<C.MailLookupResponse>>;
  linkMail(request: C.LinkMailRequest): Promise<ApiResponse<C.MailLookupResponse>>;
  heldTeamsMessages(continuation?: string): Promise<ApiResponse<C.HeldTeamsMessagesResponse>>;
  retryTeamsMessage(request: C.RetryTeamsMessageRequest): Promise<ApiResponse<C.RetryTeamsMessageResponse>>;
  setAsideMail(continuation?: string): Promise<ApiResponse<C.SetAsideMailResponse>>;
  accessibilityStatement(): Promise<ApiResponse<C.AccessibilityStatementResponse>>;
  search(query: string): Promise<ApiResponse<C.SearchResponse>>;
}

/** Across centres: where the signed-in person works, and the county's views (never sent to one centre's API). */
export interface CountyApi {
  myCentres(): Promise<ApiResponse<C.MyCentresResponse>>;
  /** This calendar month to today unless a period is given. */
  countyCompliance(period?: { from: string; to: string }): Promise<ApiResponse<C.CountyComplianceResponse>>;
  countyTeam(): Promise<ApiResponse<C.CountyTeamResponse>>;
  countyTriage(continuation?: string): Promise<ApiResponse<C.CountyTriageResponse>>;
  countyTriageMail(messageId: string): Promise<ApiResponse<C.CountyTriageMail>>;
  routeFrontDoorMail(
    messageId: string,
    request: C.RouteFrontDoorMailRequest,
  ): Promise<ApiResponse<C.RouteFrontDoorMailResponse>>;
}

export function createCountyApi(http: HttpClient): CountyApi {
  return {
    myCentres: () => http.get("/api/me/centres"),
    countyCompliance: (period) =>
      http.get(`/api/county/compliance${period ? `?from=${id(period.from)}&to=${id(period.to)}` : ""}`),
    countyTeam: () => http.get("/api/county/team"),
    countyTriage: (continuation) => http.get(`/api/county/triage${page(continuation)}`),
    countyTriageMail: (messageId) => http.get(`/api/county/triage/${id(messageId)}`),
    routeFrontDoorMail: (messageId, request) => http.send("POST", `/api/county/triage/${id(messageId)}/route`, request),
  };
}

const page = (continuation?: string) =>
  continuation === undefined ? "" : `?continuation=${encodeURIComponent(continuation)}`;
const id = encodeURIComponent;

export function createFcApi(http: HttpClient): FcApi {
  return {
    me: () => http.get("/api/me"),
    triage: (continuation) => http.get(`/api/triage${page(continuation)}`),
    agenda: (panel, continuation) => http.get(`/api/agendas/${id(panel)}${page(continuation)}`),
    preAllocation: (continuation) => http.get(`/api/pre-allocation${page(continuation)}`),
    myCases: (continuation) => http.get(`/api/my-cases${page(continuation)}`),
    caseDetail: (caseId) => http.get(`/api/cases/${id(caseId)}`),
    staff: () => http.get("/api/staff"),
    team: () => http.get("/api/team"),
    compliance: (from, to) => http.get(`/api/compliance?from=${id(from)}&to=${id(to)}`),
    complianceCsv: (from, to) => http.getText(`/api/compliance?from=${id(from)}&to=${id(to)}&format=csv`, "text/csv"),
    settings: () => http.get("/api/settings"),
    updateSettings: (update, etag) => http.send("PUT", "/api/settings", update, etag),
    importBankHolidays: (file, etag) => http.send("POST", "/api/settings/bank-holidays", file, etag),
    saveStaff: (staffId, input, etag) => http.send("PUT", `/api/staff/${id(staffId)}`, input, etag),
    deactivateStaff: (staffId, etag) => http.send("POST", `/api/staff/${id(staffId)}/deactivation`, {}, etag),
    decide: (caseId, request, etag) => http.send("POST", `/api/cases/${id(caseId)}/decisions`, request, etag),
    recordEvent: (caseId, request, etag) => http.send("POST", `/api/cases/${id(caseId)}/events`, request, etag),
    takeAction: (path, values, etag) => http.send("POST", path, values, etag),
    contactForm: () => http.get("/api/contacts/form"),
    recordSupervision: (staffId, values) => http.send("POST", `/api/staff/${id(staffId)}/supervisions`, values),
    logContact: (values) => http.send("POST", "/api/contacts", values),
    confirmReferrer: (caseId, request, etag) => http.send("POST", `/api/cases/${id(caseId)}/referrer`, request, etag),
    mailLookup: (internetMessageId) => http.get(`/api/mail/lookup?internetMessageId=${id(internetMessageId)}`),
    logMail: (request) => http.send("POST", "/api/mail/log", request),
    linkMail: (request) => http.send("POST", "/api/mail/link", request),
    heldTeamsMessages: (continuation) => http.get(`/api/teams-messages/held${page(continuation)}`),
    retryTeamsMessage: (request) => http.send("POST", "/api/teams-messages/held/retry", request),
    setAsideMail: (continuation) => http.get(`/api/mail/set-aside${page(continuation)}`),
    accessibilityStatement: () => http.get("/api/accessibility"),
    search: (query) => http.get(`/api/search?q=${id(query)}`),
  };
}
