/** Stable codes: logs, the CLI and support notes can rely on them. */
export type PolicyErrorCode = "POLICY.DOCUMENT_NOT_LISTED";

/** A policy profile cannot be applied as written. The message says what to fix in the profile. */
export class PolicyError extends Error {
  override readonly name = "PolicyError";

  constructor(
    readonly code: PolicyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Every citation must name a source document, or cards and reports could not say why something is due. */
export const documentNotListed = (profileId: string, ruleId: string, document: string): PolicyError =>
  new PolicyError(
    "POLICY.DOCUMENT_NOT_LISTED",
    `Rule ${ruleId} of profile "${profileId}" cites the document "${document}", which the profile does not list: ` +
      `add "${document}" to the profile's documents or correct the rule's citation.`,
  );
