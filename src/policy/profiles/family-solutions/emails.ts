import type { ProfileInput } from "../../../domain/rules/profile-schema.js";

const signOff = "\n\nKind regards,\n{{centreName}}";
const urgent =
  "\n\nIf you are worried that a child is at immediate risk of harm, please do not wait for us: contact " +
  "Children's Social Care straight away or, in an emergency, call 999.";

/** What the Family Centre tells the original referrer (1.2, 2.2, 3.1). Subjects never name a child. */
export const familySolutionsEmails: ProfileInput["emails"] = {
  acknowledgement: {
    subject: "We have received your request for support ({{caseReference}})",
    body:
      "Dear {{referrerName}},\n\n" +
      "Thank you for your request for support, which {{centreName}} received on {{receivedDate}}. " +
      "Our reference is {{caseReference}}; please quote it whenever you contact us about this family.\n\n" +
      "We look at every request at our daily screening meeting. We will email you the outcome of screening " +
      "by {{screeningOutcomeBy}}." +
      urgent +
      signOff,
  },
  outcomes: {
    "screening-step-down-early-help": {
      subject: "Screening outcome for {{caseReference}}: Early Help support",
      body:
        "Dear {{referrerName}},\n\n" +
        "Thank you for your request for support ({{caseReference}}). We screened it on {{decisionDate}} and " +
        "agreed that the family will be offered Early Help support from {{centreName}}. A worker will be " +
        "allocated and will contact the family shortly." +
        signOff,
    },
    "screening-maam": {
      subject: "Screening outcome for {{caseReference}}: Multi Agency Action Meeting",
      body:
        "Dear {{referrerName}},\n\n" +
        "Thank you for your request for support ({{caseReference}}). We screened it on {{decisionDate}} and " +
        "will discuss it with our partner agencies at the Multi Agency Action Meeting (MAAM), by " +
        "{{maamBy}} at the latest. We will email you the outcome of that meeting." +
        signOff,
    },
    "screening-signpost": {
      subject: "Screening outcome for {{caseReference}}: other services",
      body:
        "Dear {{referrerName}},\n\n" +
        "Thank you for your request for support ({{caseReference}}). We screened it on {{decisionDate}} and " +
        "think the family's needs are best met by other services. We will share the details with the family; " +
        "please reply to this email if you would like to talk it through." +
        signOff,
    },
    "screening-no-further-action": {
      subject: "Screening outcome for {{caseReference}}: no further action",
      body:
        "Dear {{referrerName}},\n\n" +
        "Thank you for your request for support ({{caseReference}}). We screened it on {{decisionDate}} and " +
        "decided that no further action is needed from {{centreName}} at this time. If things change, or you " +
        "would like to discuss our decision, please reply to this email." +
        urgent +
        signOff,
    },
    "screening-escalate-social-care": {
      subject: "Screening outcome for {{caseReference}}: referred to Children's Social Care",
      body:
        "Dear {{referrerName}},\n\n" +
        "Thank you for your request for support ({{caseReference}}). We screened it on {{decisionDate}} and " +
        "have referred it to Children's Social Care, who will decide the next steps and may contact you." +
        signOff,
    },
    "screening-wraparound": {
      subject: "Screening outcome for {{caseReference}}: wraparound support",
      body:
        "Dear {{referrerName}},\n\n" +
        "Thank you for your request for wraparound support ({{caseReference}}). We screened it on " +
        "{{decisionDate}} and agreed that {{centreName}} will provide wraparound support alongside the family's " +
        "social worker. A worker will be allocated and will be in touch." +
        signOff,
    },
    "maam-allocate": {
      subject: "MAAM outcome for {{caseReference}}: allocated for support",
      body:
        "Dear {{referrerName}},\n\n" +
        "The Multi Agency Action Meeting discussed your request for support ({{caseReference}}) on " +
        "{{decisionDate}} and agreed that a Family Solutions Practitioner will work with the family. " +
        "{{workerName}} will be their worker and will contact the family shortly." +
        signOff,
    },
    "maam-pre-allocation-list": {
      subject: "MAAM outcome for {{caseReference}}: waiting for a practitioner",
      body:
        "Dear {{referrerName}},\n\n" +
        "The Multi Agency Action Meeting discussed your request for support ({{caseReference}}) on " +
        "{{decisionDate}} and agreed that the family will be supported by a Family Solutions Practitioner. " +
        "Until one is free, a duty worker will keep in touch with the family every week." +
        signOff,
    },
    "maam-signpost": {
      subject: "MAAM outcome for {{caseReference}}: other services",
      body:
        "Dear {{referrerName}},\n\n" +
        "The Multi Agency Action Meeting discussed your request for support ({{caseReference}}) on " +
        "{{decisionDate}} and agreed that the family's needs are best met by other services. We will share the " +
        "details with the family; please reply to this email if you would like to talk it through." +
        signOff,
    },
    "maam-no-further-action": {
      subject: "MAAM outcome for {{caseReference}}: no further action",
      body:
        "Dear {{referrerName}},\n\n" +
        "The Multi Agency Action Meeting discussed your request for support ({{caseReference}}) on " +
        "{{decisionDate}} and agreed that no further action is needed from {{centreName}} at this time. If " +
        "things change, or you would like to discuss the decision, please reply to this email." +
        urgent +
        signOff,
    },
    "maam-escalate-social-care": {
      subject: "MAAM outcome for {{caseReference}}: referred to Children's Social Care",
      body:
        "Dear {{referrerName}},\n\n" +
        "The Multi Agency Action Meeting discussed your request for support ({{caseReference}}) on " +
        "{{decisionDate}} and referred it to Children's Social Care, who will decide the next steps and may " +
        "contact you." +
        signOff,
    },
  },
  // Issue 21 §4: a request another centre of the county transferred here; stands as this centre's 1.2.
  transferReceived: {
    subject: "Your request for support has moved to {{centreName}} ({{caseReference}})",
    body:
      "Dear {{referrerName}},\n\n" +
      "{{transferredFrom}} has passed your request for support to {{centreName}}, which received it on " +
      "{{receivedDate}}. Our reference is now {{caseReference}}; please quote it whenever you contact us about " +
      "this family.\n\n" +
      "We will email you the outcome of screening by {{screeningOutcomeBy}}." +
      urgent +
      signOff,
  },
};
