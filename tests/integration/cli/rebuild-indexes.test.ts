import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { createTableStore } from "../../../src/store/create-table-store.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { runFc } from "../../support/local-stack.js";

/** The operator runs `fc rebuild-indexes` as its own process against the service's tables on Azurite. */
describe("fc rebuild-indexes on Azure Tables", () => {
  it("fills the worklists and the Compliance table from cases whose index writes were lost", async () => {
    const connection = inject("azuriteConnectionString");
    const prefix = `Cli${randomBytes(5).toString("hex")}`;
    const store = await createTableStore(connection, {
      allowInsecureConnection: true,
      tablePrefix: prefix,
      centre: "main",
    });
    const kase = aCase()
      .withId("FC-2026-000007")
      .receivedAt("2026-06-09T09:00:00.000Z")
      .screenedAs("maam", { at: "2026-06-09T11:00:00.000Z" })
      .build();
    await store.cases.create(kase, kase.events, []);

    const result = await runFc(["rebuild-indexes"], {
      FC_MODE: "local",
      FC_STORAGE_CONNECTION_STRING: connection,
      FC_TABLE_PREFIX: prefix,
    });

    expect(result).toMatchObject({ code: 0 });
    expect(JSON.parse(result.stdout)).toMatchObject({ cases: 1 });
    expect((await store.worklists.list("maam")).items.map((e) => e.caseId)).toEqual(["FC-2026-000007"]);
    const decisions = await store.compliance.decisionsOn("2026-06-09");
    expect(decisions).toEqual([
      expect.objectContaining({ caseId: "FC-2026-000007", panel: "screening", outcome: "maam" }),
    ]);
  }, 60_000);
});
