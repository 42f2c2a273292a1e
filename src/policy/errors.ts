/** Stable codes: logs, the CLI and support notes can rely on them. */
export type ProfileErrorCode = "POLICY.INVALID_PROFILE" | "POLICY.UNKNOWN_PROFILE";

/** One thing wrong with a profile, located as precisely as the profile allows. */
export interface ProfileIssue {
  /** The rule the problem is in, when it is in a rule. */
  readonly rule?: string;
  /** Where in the rule (or, outside rules, in the profile): `maximum.unit`, `start[0].where.outcome`. */
  readonly field: string;
  readonly message: string;
}

/** A policy profile cannot be used as written, or does not exist. The message says what to fix. */
export class ProfileError extends Error {
  override readonly name = "ProfileError";

  constructor(
    readonly code: ProfileErrorCode,
    message: string,
    readonly profileId: string,
    readonly issues: readonly ProfileIssue[] = [],
  ) {
    super(message);
  }
}

const describeIssue = (profileId: string, issue: ProfileIssue): string =>
  `profile "${profileId}", ${issue.rule === undefined ? "" : `rule "${issue.rule}", `}field "${issue.field}": ${issue.message}`;

/** Every issue is listed so an administrator can fix the profile in one pass. */
export const invalidProfile = (profileId: string, issues: readonly ProfileIssue[]): ProfileError =>
  new ProfileError(
    "POLICY.INVALID_PROFILE",
    issues.map((issue) => describeIssue(profileId, issue)).join("; "),
    profileId,
    issues,
  );

export const unknownProfile = (profileId: string, known: readonly string[]): ProfileError =>
  new ProfileError(
    "POLICY.UNKNOWN_PROFILE",
    `There is no policy profile "${profileId}": choose one of ${known.map((id) => `"${id}"`).join(", ")}.`,
    profileId,
  );
