import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TableClient } from "@azure/data-tables";
import { afterEach, describe, expect, inject, it } from "vitest";
import { aCase } from "../../../dev/builders/case-builder.js";
import { createTableStore } from "../../../src/store/create-table-store.js";
import { TABLE_NAMES } from "../../../src/store/store.js";
import { runFc } from "../../support/local-stack.js";

const CENTRE = "Family Centre North";
let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const envFor = (prefix: string) => ({
  FC_MODE: "local",
  FC_STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"),
  FC_TABLE_PREFIX: prefix,
  FC_CENTRE_NAME: CENTRE,
});

/** Every row of every table of a centre (its tables' prefix), without what Azure assigns on write (ETag, timestamp). */
async function everyRow(prefix: string): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const table of TABLE_NAMES) {
    const client = TableClient.fromConnectionString(inject("azuriteConnectionString"), `${prefix}${table}`, {
      allowInsecureConnection: true,
    });
    const rows: string[] = [];
    for await (const { etag: _e, timestamp: _t, ...row } of client.listEntities()) rows.push(JSON.stringify(row));
    all[table] = rows.sort();
  }
  return all;
}

/** Backups (issue 16, item 6): Azure Tables has no point-in-time restore, so the operator exports and imports. */
describe("fc export and fc import", () => {
  it("restores every row of every table into an empty centre, exactly as exported", async () => {
    dir = await mkdtemp(join(tmpdir(), "fc-backup-"));
    const from = `Bk${randomBytes(5).toString("hex")}`;
    const into = `Rs${randomBytes(5).toString("hex")}`;
    const store = await createTableStore(inject("azuriteConnectionString"), {
      allowInsecureConnection: true,
      tablePrefix: from,
      centre: "main",
    });
    const kase = aCase().withId("FC-2026-000042").receivedAt("2026-06-09T09:00:00.000Z").build();
    await store.cases.create(kase, kase.events, []);
    await store.staff.put("w1", { id: "w1", displayName: "Worker One", email: "w1@council.example", roles: [] });
    const file = join(dir, "centre.jsonl.gz");

    const exported = await runFc(["export", "--centre", CENTRE, "--out", file], envFor(from));
    expect(exported).toMatchObject({ code: 0 });
    const imported = await runFc(["import", "--centre", CENTRE, "--in", file], envFor(into));
    expect(imported).toMatchObject({ code: 0 });

    expect(JSON.parse(imported.stdout)).toMatchObject({ rows: { Cases: 2, Staff: 1 } }); // the case row and its one event
    expect(await everyRow(`${into}main`)).toEqual(await everyRow(`${from}main`));
    const restored = await createTableStore(inject("azuriteConnectionString"), {
      allowInsecureConnection: true,
      tablePrefix: into,
      centre: "main",
    });
    expect((await restored.cases.getCase(kase.id)).case).toEqual(kase);
  }, 90_000);

  it("never restores over live rows, nor another centre's backup", async () => {
    dir = await mkdtemp(join(tmpdir(), "fc-backup-"));
    const from = `Bk${randomBytes(5).toString("hex")}`;
    const store = await createTableStore(inject("azuriteConnectionString"), {
      allowInsecureConnection: true,
      tablePrefix: from,
      centre: "main",
    });
    await store.staff.put("w1", { id: "w1", displayName: "Worker One", email: "w1@council.example", roles: [] });
    const file = join(dir, "centre.jsonl.gz");
    expect(await runFc(["export", "--centre", CENTRE, "--out", file], envFor(from))).toMatchObject({ code: 0 });

    const over = await runFc(["import", "--centre", CENTRE, "--in", file], envFor(from));
    expect(over).toMatchObject({ code: 1, stderr: expect.stringContaining("BACKUP.NOT_EMPTY") });
    const wrong = await runFc(["import", "--centre", "Another Centre", "--in", file], {
      ...envFor(`Rs${randomBytes(5).toString("hex")}`),
      FC_CENTRE_NAME: "Another Centre",
    });
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringContaining("BACKUP.WRONG_CENTRE") });
  }, 90_000);
});
