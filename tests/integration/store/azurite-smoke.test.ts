import { TableClient } from "@azure/data-tables";
import { describe, expect, inject, it } from "vitest";

describe("the test Azurite", () => {
  it("accepts a table and an entity over HTTP", async () => {
    const client = TableClient.fromConnectionString(inject("azuriteConnectionString"), "Smoke", {
      allowInsecureConnection: true,
    });
    await client.createTable();
    await client.createEntity({ partitionKey: "p", rowKey: "r", value: 1 });
    const entity = await client.getEntity<{ value: number }>("p", "r");
    expect(entity.value).toBe(1);
  });
});
