import { describe, expect, it } from "vitest";
import { actionContext, isAvailable } from "../../../../../src/app/actions/available-actions.js";
import { actionById } from "../../../../../src/app/actions/catalogue.js";
import type { Case } from "../../../../../src/domain/case.js";
import type { NewCaseEvent } from "../../../../../src/domain/case-events.js";
import { append } from "../../../../../src/domain/lifecycle/evolve.js";
import { STAFF_ROLES } from "../../../../../src/domain/staff.js";
import { aCase } from "../../../../../dev/builders/case-builder.js";
import { memoryApp } from "../../memory-app.js";

// Issue 16: a legal hold and a redaction are case actions, offered on the case page and the case card to exactly
// the roles whose use cases take them.

const deps = memoryApp("2026-03-09T10:00:00.000Z");
const open = aCase().receivedAt("2026-03-02T09:00:00.000Z").build();
const held = append(open, [
  {
    type: "legal-hold.placed",
    at: "2026-03-03T10:00:00.000Z",
    by: { kind: "staff", id: "manager-1" },
    data: { reason: "Complaint to the Ombudsman" },
  } as NewCaseEvent,
]);

async function rolesOffered(actionId: string, kase: Case): Promise<string[]> {
  const spec = actionById(actionId);
  if (spec === undefined) throw new Error(`no action ${actionId}`);
  const ctx = await actionContext(deps, { case: kase, contacts: [], etag: "W/1" });
  return STAFF_ROLES.filter((role) => isAvailable(spec, ctx, { actor: { kind: "staff", id: "s" }, roles: [role] }));
}

describe("data protection's case actions", () => {
  it("offers placing a legal hold to a manager alone, and only on a case not already held", async () => {
    expect(await rolesOffered("place-legal-hold", open)).toEqual(["manager"]);
    expect(await rolesOffered("place-legal-hold", held)).toEqual([]);
  });

  it("offers lifting it to a manager alone, and only on a case on hold", async () => {
    expect(await rolesOffered("lift-legal-hold", held)).toEqual(["manager"]);
    expect(await rolesOffered("lift-legal-hold", open)).toEqual([]);
  });

  it("offers correcting or redacting a text to the data protection role alone", async () => {
    expect(await rolesOffered("redact-text", open)).toEqual(["data-protection"]);
    expect(await rolesOffered("redact-text", held)).toEqual(["data-protection"]);
  });
});
