import { expect } from "vitest";
import type { StaffRole } from "../../../src/domain/staff.js";
import type { Decider } from "../../../src/app/decider.js";
import type { StoredCase } from "../../../src/ports/cases.js";
import { readFixture, type AppHarness, type SentItem } from "../../support/app-harness.js";

/** Every case the store holds, read in full (oldest id first). */
export async function allCases(h: AppHarness): Promise<StoredCase[]> {
  const ids: string[] = [];
  for await (const header of h.deps.cases.listCaseHeaders()) ids.push(header.id);
  return Promise.all(ids.sort().map((id) => h.deps.cases.getCase(id)));
}

export const recipientsOf = (item: SentItem | undefined): string[] =>
  (item?.toRecipients ?? []).map((r) => r.emailAddress.address.toLowerCase());

export const staffActor = (role: StaffRole): Decider => ({
  actor: { kind: "staff", id: `staff-${role}`, displayName: "Test Worker" },
  roles: [role],
});

const header = (raw: string, name: string): string =>
  new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(raw)?.[1]?.trim() ?? "";

/**
 * The personal data a fixture carries (every address, each display name, the subject) must appear in no log line:
 * this is safeguarding data.
 */
export async function expectNoPersonalDataLogged(h: AppHarness, files: readonly string[]): Promise<void> {
  expect(h.logLines.length).toBeGreaterThan(0);
  const logged = h.logLines.join("\n").toLowerCase();
  for (const file of files) {
    const raw = await readFixture(file);
    const addresses = raw.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
    const names = [...raw.matchAll(/^(?:From|To|Cc|Reply-To):[ \t]*"?([^"<\r\n]+?)"?\s*</gim)].map((m) => m[1] ?? "");
    const subject = header(raw, "Subject");
    const needles = [...addresses, ...names, subject].map((s) => s.trim().toLowerCase()).filter((s) => s.length > 3);
    expect(needles.length).toBeGreaterThan(0);
    for (const needle of needles) expect(logged, `${file}: "${needle}" was logged`).not.toContain(needle);
  }
}
