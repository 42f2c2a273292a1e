import type { ZodError } from "zod";
import { profileSchema, type Profile } from "../domain/rules/profile-schema.js";
import { invalidProfile, type ProfileIssue } from "./errors.js";
import { formatPath } from "./field-path.js";
import { crossCheckProfile } from "./profile-cross-checks.js";

/**
 * Parses a profile as written (defaults applied) and checks what the schema alone cannot: that its parts refer to
 * each other correctly. Throws a `ProfileError` (POLICY.INVALID_PROFILE) listing every problem, each named by rule
 * and field, so a broken profile never reaches a case.
 */
export function validateProfile(input: unknown): Profile {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) {
    throw invalidProfile(
      idOf(input),
      parsed.error.issues.map((issue) => locate(input, issue)),
    );
  }
  const issues = crossCheckProfile(parsed.data);
  if (issues.length > 0) throw invalidProfile(parsed.data.id, issues);
  return parsed.data;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null;

function idOf(input: unknown): string {
  return isRecord(input) && typeof input.id === "string" ? input.id : "(no id)";
}

/** Names the rule by its id (or its position, when the id itself is missing) and the field inside it. */
function locate(input: unknown, issue: ZodError["issues"][number]): ProfileIssue {
  const [top, index, ...rest] = issue.path;
  if (top === "rules" && typeof index === "number") {
    const rules = isRecord(input) && Array.isArray(input.rules) ? (input.rules as unknown[]) : [];
    const rule: unknown = rules[index];
    const id = isRecord(rule) && typeof rule.id === "string" ? rule.id : `#${index + 1}`;
    return { rule: id, field: formatPath(rest) || "(the rule)", message: issue.message };
  }
  return { field: formatPath(issue.path) || "(the profile)", message: issue.message };
}
