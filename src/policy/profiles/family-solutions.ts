import type { ProfileInput } from "../../domain/rules/profile-schema.js";
import { caseworkRules } from "./family-solutions/casework-rules.js";
import { familySolutionsEmails } from "./family-solutions/emails.js";
import { frontDoorRules } from "./family-solutions/front-door-rules.js";
import { CASELOAD_LIMITS, oversightRules } from "./family-solutions/oversight-rules.js";
import { PRACTICE_FRAMEWORK } from "./family-solutions/rule-parts.js";

/** The default profile: the Family Solutions Practice Framework (seed 003), every timescale as data. */
export const familySolutions: ProfileInput = {
  id: "family-solutions",
  name: "Family Solutions Practice Framework",
  version: "1",
  documents: { [PRACTICE_FRAMEWORK]: { title: "Family Solutions Practice Framework", publisher: "Family Solutions" } },
  rules: [...frontDoorRules, ...caseworkRules, ...oversightRules],
  // 6.1: a step-down from Social Care is allocated within 48 hours, never screened or presented at MAAM.
  features: { stepDownsTo: "allocation" },
  screeningOutcomes: [
    {
      id: "step-down-early-help",
      label: "Step down to Early Help",
      needs: ["worker", "note"],
      emailTemplate: "screening-step-down-early-help",
    },
    { id: "maam", label: "Present at the Multi Agency Action Meeting", emailTemplate: "screening-maam" },
    { id: "signpost", label: "Signpost to other services", needs: ["note"], emailTemplate: "screening-signpost" },
    {
      id: "no-further-action",
      label: "No further action",
      needs: ["note"],
      emailTemplate: "screening-no-further-action",
    },
    {
      id: "escalate-social-care",
      label: "Escalate to Children's Social Care",
      needs: ["note"],
      emailTemplate: "screening-escalate-social-care",
    },
    { id: "wraparound", label: "Wraparound support", needs: ["note"], emailTemplate: "screening-wraparound" },
  ],
  panels: [
    {
      id: "maam",
      name: "Multi Agency Action Meeting",
      scheduleRule: "maam-meeting",
      decisionEvent: "maam.decided",
      outcomes: [
        {
          id: "allocate",
          label: "Allocate to a Family Solutions Practitioner",
          needs: ["worker"],
          emailTemplate: "maam-allocate",
        },
        { id: "pre-allocation-list", label: "Pre-Allocation List", emailTemplate: "maam-pre-allocation-list" },
        { id: "signpost", label: "Signpost to other services", needs: ["note"], emailTemplate: "maam-signpost" },
        {
          id: "no-further-action",
          label: "No further action",
          needs: ["note"],
          emailTemplate: "maam-no-further-action",
        },
        {
          id: "escalate-social-care",
          label: "Escalate to Children's Social Care",
          needs: ["note"],
          emailTemplate: "maam-escalate-social-care",
        },
      ],
    },
  ],
  dueSoon: { amount: 1, unit: "working-days" },
  caseloadLimits: CASELOAD_LIMITS,
  emails: familySolutionsEmails,
};
