import type { ProfileInput } from "../../../domain/rules/profile-schema.js";

const signOff = "\n\nKind regards,\n{{centreName}}";

/** What the referrer is told. Subjects never name a child. */
export const bexleyEmails: ProfileInput["emails"] = {
  acknowledgement: {
    subject: "We have received your referral ({{caseReference}})",
    body:
      "Dear {{referrerName}},\n\n" +
      "Thank you for your referral, which {{centreName}} received on {{receivedDate}}. Our reference is " +
      "{{caseReference}}; please quote it whenever you contact us about this family.\n\n" +
      "We can only accept a referral with the parents' or carers' explicit, written consent, so please make " +
      "sure it is included. We will let you know our decision by {{screeningOutcomeBy}}.\n\n" +
      "If you are worried that a child is at immediate risk of harm, please do not wait for us: contact " +
      "Children's Social Care straight away or, in an emergency, call 999." +
      signOff,
  },
  outcomes: {
    accepted: {
      subject: "Referral {{caseReference}}: accepted by the Family Wellbeing Service",
      body:
        "Dear {{referrerName}},\n\n" +
        "Thank you for your referral ({{caseReference}}). On {{decisionDate}} the Family Wellbeing Service " +
        "accepted it. A Family Key Worker will be allocated and will contact the family to arrange an " +
        "introductory visit." +
        signOff,
    },
    signpost: {
      subject: "Referral {{caseReference}}: other early help services",
      body:
        "Dear {{referrerName}},\n\n" +
        "Thank you for your referral ({{caseReference}}). On {{decisionDate}} we decided that the family's " +
        "needs are best met by another early help service in the local community, such as a children's centre. " +
        "We will contact the family with the details; please reply to this email if you would like to talk it " +
        "through." +
        signOff,
    },
    "social-care": {
      subject: "Referral {{caseReference}}: Children's Social Care",
      body:
        "Dear {{referrerName}},\n\n" +
        "Thank you for your referral ({{caseReference}}). On {{decisionDate}} we decided that the family " +
        "should be supported by Children's Social Care rather than the Family Wellbeing Service. They will " +
        "contact you and the family to discuss the next steps." +
        signOff,
    },
  },
  // Issue 21 §4: a referral another centre of the county transferred here; stands as the acknowledgement.
  transferReceived: {
    subject: "Your referral has moved to {{centreName}} ({{caseReference}})",
    body:
      "Dear {{referrerName}},\n\n" +
      "{{transferredFrom}} has passed your referral to {{centreName}}, which received it on {{receivedDate}}. " +
      "Our reference is now {{caseReference}}; please quote it whenever you contact us about this family.\n\n" +
      "We can only accept a referral with the parents' or carers' explicit, written consent, so please make " +
      "sure it is included. We will let you know our decision by {{screeningOutcomeBy}}." +
      signOff,
  },
};
