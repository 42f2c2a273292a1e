import type { ProfileInput } from "../../domain/rules/profile-schema.js";
import { bexleyEmails } from "./bexley/emails.js";
import { bexleyRules, CRS_GUIDE, FWS_PROCEDURE, LEAD_FAMILY_WORKER } from "./bexley/rules.js";
import { CASELOAD_LIMITS } from "./family-solutions/oversight-rules.js";

/** Bexley's Family Wellbeing Service (seed 002): another authority's framework as configuration. */
export const bexley: ProfileInput = {
  id: "bexley",
  name: "Bexley Family Wellbeing Service",
  version: "1",
  documents: {
    [FWS_PROCEDURE]: {
      title: "Early Help: Family Wellbeing Service Procedure",
      publisher: "Bexley Children's Services Procedures Manual",
    },
    [CRS_GUIDE]: {
      title: "Children's Resource Service (Front Door) one-minute guides",
      publisher: "Southampton Children's Services",
    },
    [LEAD_FAMILY_WORKER]: { title: "Roles and Responsibilities: Taking a Lead with Families" },
  },
  rules: bexleyRules,
  // Seed 002: cases move from Children's Social Care to Family Wellbeing through the weekly transfer panel.
  features: { consentRequired: true, frontDoorDecision: true, stepDownsTo: "transfer-panel" },
  frontDoorOutcomes: [
    { id: "family-wellbeing", label: "Send to the Family Wellbeing Service", needs: ["note"] },
    { id: "signpost", label: "Signpost to another early help service", needs: ["note"], emailTemplate: "signpost" },
    {
      id: "escalate-social-care",
      label: "Re-direct to Children's Social Care",
      needs: ["note"],
      emailTemplate: "social-care",
    },
  ],
  // The Family Wellbeing duty manager's review of what Front Door-MASH sends: the secondary safety check.
  screeningOutcomes: [
    { id: "accept", label: "Accept into the Family Wellbeing Service", needs: ["note"], emailTemplate: "accepted" },
    { id: "signpost", label: "Signpost to another early help service", needs: ["note"], emailTemplate: "signpost" },
    {
      id: "escalate-social-care",
      label: "Re-direct to Children's Social Care",
      needs: ["note"],
      emailTemplate: "social-care",
    },
  ],
  panels: [
    {
      id: "transfer-panel",
      name: "Transfer panel",
      scheduleRule: "transfer-panel-meeting",
      decisionEvent: "transfer-panel.decided",
      chairRole: "manager",
      decisionsFinal: true,
      outcomes: [
        { id: "transfer", label: "Transfer (transfer date agreed)", needs: ["note"] },
        { id: "no-transfer", label: "Do not transfer", needs: ["note"] },
      ],
      summaryFields: [
        { id: "history", label: "Family history" },
        { id: "worries", label: "Worries" },
        { id: "strengths", label: "Strengths" },
        { id: "what-must-change", label: "What needs to happen for the child's life to improve" },
      ],
      followUpTasks: [
        { id: "handover-meeting", label: "Hand-over meeting between the existing and the new worker" },
        { id: "ending-letter", label: "Ending letter to the family" },
      ],
    },
  ],
  dueSoon: { amount: 1, unit: "working-days" },
  // The procedure sets no caseload figure (§3 allocates by skills and capacity): the Family Solutions
  // recommendation is the default for the caseload warning until the service sets its own.
  caseloadLimits: CASELOAD_LIMITS,
  emails: bexleyEmails,
};
