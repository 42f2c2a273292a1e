import type {
  AgendaResponse,
  CaseWithClocks,
  ClockView,
  MeResponse,
  StaffRoleName,
  StaffView,
} from "../../../../src/api/contract.js";

/** A signed-in person with the family-solutions panels; roles decide which views open. */
export function aMe(roles: readonly StaffRoleName[], overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    staffId: "staff-duty",
    displayName: "Dana Duty",
    roles,
    localMode: true,
    centreName: "Riverside Family Centre",
    profile: {
      id: "family-solutions",
      name: "Family Solutions Practice Framework",
      version: "1",
      rules: [],
      panels: [
        { id: "screening", name: "Screening" },
        { id: "maam", name: "MAAM" },
      ],
      caseloadLimits: { fullTime: 20, partTime: 10 },
      closureChecklist: [
        { id: "records-up-to-date", label: "All records are up to date" },
        { id: "plan-actions-completed", label: "Outstanding actions from the plan are completed" },
      ],
    },
    ...overrides,
  };
}

export function aClock(overrides: Partial<ClockView> = {}): ClockView {
  return {
    ruleId: "1.2",
    ruleName: "Acknowledge the referrer",
    citation: { document: "003", section: "1.2", display: "Family Solutions Practice Framework §1.2" },
    instance: 1,
    startedAt: "2026-11-23T09:00:00Z",
    expected: { at: "2026-11-24T23:59:59Z", londonDate: "2026-11-24" },
    maximum: { at: "2026-11-26T23:59:59Z", londonDate: "2026-11-26" },
    status: "on-track",
    rag: "green",
    ...overrides,
  };
}

export function aCase(caseId: string, overrides: Partial<CaseWithClocks> = {}): CaseWithClocks {
  return {
    caseId,
    state: "awaiting-screening",
    statePhrase: "is awaiting screening",
    kind: "early-help-assessment",
    kindLabel: "Early Help Assessment",
    openedAt: "2026-11-23T09:00:00Z",
    summary: "EHA · 2 children",
    rag: "green",
    clocks: [aClock()],
    etag: `W/"${caseId}-1"`,
    ...overrides,
  };
}

export function anAgenda(overrides: Partial<AgendaResponse> = {}): AgendaResponse {
  return {
    panel: "screening",
    panelName: "Screening",
    date: "2026-11-23",
    open: [aCase("FC-2026-000001")],
    decidedToday: [],
    options: [
      { id: "step-down-early-help", label: "Step down to Early Help", needs: ["worker"] },
      { id: "maam", label: "Present at MAAM", needs: [] },
      { id: "no-further-action", label: "No further action", needs: ["note"] },
    ],
    deciderRoles: ["duty-worker", "manager"],
    ...overrides,
  };
}

export function aStaffMember(id: string, displayName: string, roles: readonly StaffRoleName[]): StaffView {
  return { id, displayName, email: `${id}@council.example`, roles, etag: `W/"${id}"` };
}
