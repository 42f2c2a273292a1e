import { describe, expect, it } from "vitest";
import { readCentreSettings, updateCentreSettings } from "../../../../src/app/settings/centre-settings.js";
import type { AuditEvent } from "../../../../src/ports/audit.js";
import { memoryApp } from "../memory-app.js";

const admin = { staffId: "admin-1", actor: { kind: "staff", id: "admin-1" }, roles: ["admin"] } as const;
const profiles = ["family-solutions", "bexley"];

function withAuditSeen() {
  const deps = memoryApp("2026-12-01T09:00:00Z");
  const seen: AuditEvent[] = [];
  return {
    deps: { ...deps, audit: { append: async (e: AuditEvent) => void seen.push(e), read: async () => [] } },
    seen,
  };
}

describe("Settings: what shared cards show", () => {
  it("defaults to the case reference and kind only (no names)", async () => {
    const { deps } = withAuditSeen();
    expect((await readCentreSettings(deps)).value.sharedCardDetail).toBeUndefined();
  });

  it("is saved by an admin, audited by field and never by value", async () => {
    const { deps, seen } = withAuditSeen();
    const { etag } = await readCentreSettings(deps);
    const saved = await updateCentreSettings(deps, admin, etag, { sharedCardDetail: "with-initials" }, profiles);
    expect(saved).toMatchObject({ value: { sharedCardDetail: "with-initials" } });
    expect(seen).toMatchObject([{ action: "settings.changed", detail: { fields: ["sharedCardDetail"] } }]);
  });

  it("refuses a choice that is not one of the three", async () => {
    const { deps, seen } = withAuditSeen();
    const { etag } = await readCentreSettings(deps);
    const saved = await updateCentreSettings(deps, admin, etag, { sharedCardDetail: "full-names" }, profiles);
    expect(saved).toMatchObject({ code: "SETTINGS.BAD_SHARED_CARD_DETAIL" });
    expect(seen).toEqual([]);
  });
});
