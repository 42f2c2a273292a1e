import type { z } from "zod";

/** The first problem zod found, worded for the person who has to correct the file. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "it is not in the expected shape";
  const where = issue.path.length > 0 ? `at ${issue.path.join(".")}` : "at the top level";
  return `${where}: ${issue.message}`;
}
