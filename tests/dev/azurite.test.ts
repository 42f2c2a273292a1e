import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TableClient } from "@azure/data-tables";
import { afterEach, describe, expect, it } from "vitest";
import { startAzurite, type RunningAzurite } from "../../dev/azurite.js";

const running: RunningAzurite[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const azurite of running.splice(0)) await azurite.stop();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const table = (azurite: RunningAzurite) =>
  TableClient.fromConnectionString(azurite.connectionString, "Cases", { allowInsecureConnection: true });

describe("Azurite for the chaos run", () => {
  it("keeps the tables across a restart on the same folder, last write included", async () => {
    const location = mkdtempSync(join(tmpdir(), "fc-azurite-test-"));
    folders.push(location);
    const first = await startAzurite({ location });
    await table(first).createTable();
    await table(first).createEntity({ partitionKey: "FC-2026-000001", rowKey: "case", state: "awaiting-screening" });
    await first.stop();

    const second = await startAzurite({ location, port: first.port });
    running.push(second);
    const entity = await table(second).getEntity<{ state: string }>("FC-2026-000001", "case");
    expect(entity.state).toBe("awaiting-screening");
  });

  it("keeps nothing by default: a restart starts empty", async () => {
    const first = await startAzurite();
    await table(first).createTable();
    await table(first).createEntity({ partitionKey: "FC-2026-000001", rowKey: "case" });
    await first.stop();
    const second = await startAzurite({ port: first.port });
    running.push(second);
    await expect(table(second).getEntity("FC-2026-000001", "case")).rejects.toMatchObject({ statusCode: 404 });
  });
});
