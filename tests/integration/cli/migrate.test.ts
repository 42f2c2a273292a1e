import { randomBytes } from "node:crypto";
import { RestError, TableClient } from "@azure/data-tables";
import { afterAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../../src/compose/config.js";
import { refuseUnmigratedData } from "../../../src/compose/migrate-from-config.js";
import { createTableStore } from "../../../src/store/create-table-store.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { runFc, startLocalStack, type LocalStack } from "../../support/local-stack.js";

let stack: LocalStack | undefined;
afterAll(async () => stack?.close());

const ADMIN = { id: "staff-admin", displayName: "Admin", email: "admin@council.example", roles: ["admin"] } as const;

/**
 * Issue 21: a one-centre deployment's data, written by the store as it was before centres (tables with no centre id,
 * the access audit at the container's root), is moved into the first centre's tables by `fc migrate`, in place.
 */
describe("fc migrate: a one-centre deployment becomes the first centre", () => {
  it("refuses to start over unmigrated tables, moves every row and the audit's reading, then starts on them", async () => {
    const connection = inject("azuriteConnectionString");
    const prefix = `Mg${randomBytes(5).toString("hex")}`;
    const env = { FC_MODE: "local", FC_STORAGE_CONNECTION_STRING: connection, FC_TABLE_PREFIX: prefix };

    // The one-centre layout: the same repositories over tables without a centre id.
    const before = await createTableStore(connection, { allowInsecureConnection: true, tablePrefix: prefix });
    const kase = aCase().withId("FC-2026-000042").receivedAt("2026-06-09T09:00:00.000Z").build();
    await before.cases.create(kase, kase.events, []);
    await before.staff.put(ADMIN.id, ADMIN);
    await before.audit.append({
      action: "case.read",
      at: "2026-06-09T10:00:00.000Z",
      actorId: ADMIN.id,
      subject: kase.id,
      via: "api",
    });

    await expect(refuseUnmigratedData(loadConfig(env))).rejects.toThrow(/fc -- migrate/);

    const migrated = await runFc(["migrate"], env);
    expect(migrated).toMatchObject({ code: 0 });
    expect(JSON.parse(migrated.stdout)).toMatchObject({
      centre: "main",
      rows: { Cases: expect.any(Number), Staff: 1 },
    });
    expect(JSON.parse(migrated.stdout).rows.Cases).toBeGreaterThan(0);

    const oldCases = TableClient.fromConnectionString(connection, `${prefix}Cases`, { allowInsecureConnection: true });
    await expect(oldCases.listEntities().next()).rejects.toSatisfy(
      (e) => e instanceof RestError && e.statusCode === 404,
    );
    await expect(refuseUnmigratedData(loadConfig(env))).resolves.toBeUndefined();

    stack = await startLocalStack(connection, prefix);
    const after = stack.service.store;
    expect((await after.cases.getCase(kase.id)).case.id).toBe(kase.id);
    expect((await after.staff.get(ADMIN.id))?.value.roles).toEqual(["admin"]);
    const audit = await after.audit.read({ from: "2026-06-09", to: "2026-06-09" });
    expect(audit).toEqual([expect.objectContaining({ action: "case.read", subject: kase.id })]);

    // Run again (an operator unsure it finished): nothing left to move, nothing changed.
    const again = await runFc(["migrate"], env);
    expect(again).toMatchObject({ code: 0 });
    expect(JSON.parse(again.stdout).rows.Cases).toBe(0);
    expect((await after.cases.getCase(kase.id)).case.id).toBe(kase.id);
  }, 120_000);

  it("moves only into the first centre, which reads the audit appended before centres", async () => {
    const result = await runFc(["migrate", "--centre", "north"], {
      FC_MODE: "local",
      FC_STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"),
      FC_TABLE_PREFIX: `Mg${randomBytes(5).toString("hex")}`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--centre north: a one-centre deployment moves into the first centre (main)");
  }, 60_000);
});
