import { TableClient } from "@azure/data-tables";
import { describe, expect, inject, it } from "vitest";
import { azureEntityTable } from "../../../src/store/azure-entity-table.js";
import { createTableStore } from "../../../src/store/create-table-store.js";
import { storeContract } from "./store.contract.js";

const connection = (): string => inject("azuriteConnectionString");
let counter = 0;

/** Each test gets its own tables: a prefix unique to this file and test. */
async function fresh() {
  const tablePrefix = `ts${process.pid}x${++counter}`;
  const store = await createTableStore(connection(), { allowInsecureConnection: true, tablePrefix });
  return {
    store,
    raw: (name: string) =>
      azureEntityTable(
        TableClient.fromConnectionString(connection(), `${tablePrefix}${name}`, { allowInsecureConnection: true }),
      ),
  };
}

describe("Azure Tables store on Azurite", () => {
  storeContract(fresh);

  it("creates its tables idempotently (a second start finds them there)", async () => {
    const options = { allowInsecureConnection: true, tablePrefix: `twice${process.pid}` };
    const first = await createTableStore(connection(), options);
    await first.staff.put("w1", {
      id: "w1",
      displayName: "Worker One",
      email: "w1@council.example",
      roles: ["practitioner"],
    });

    const second = await createTableStore(connection(), options);

    await expect(second.staff.get("w1")).resolves.toMatchObject({ value: { id: "w1" } });
  });

  it("refuses a table prefix Azure would reject", async () => {
    await expect(createTableStore(connection(), { tablePrefix: "9-bad" })).rejects.toMatchObject({
      code: "STORE.INVALID_TABLE_PREFIX",
    });
  });

  it("says where to look when storage cannot be reached", async () => {
    const unreachable =
      "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
    await expect(createTableStore(unreachable, { allowInsecureConnection: true })).rejects.toMatchObject({
      code: "STORE.UNAVAILABLE",
      message: expect.stringContaining("FC_STORAGE_CONNECTION_STRING"),
    });
  });
});
