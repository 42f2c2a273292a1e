import { describe, expect, it } from "vitest";
import { receiveTransfer } from "../../../../src/app/centres/receive-transfer.js";
import { transferToCentre } from "../../../../src/app/centres/transfer-to-centre.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import type { Centres, TransferRecord } from "../../../../src/ports/centres.js";
import { memoryEntityTable } from "../../../../src/store/memory/memory-entity-table.js";
import { TableRecords } from "../../../../src/store/table-records.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { memoryApp, queuedAcknowledgement, saved } from "../memory-app.js";

const NOW = "2026-03-09T10:00:00.000Z";
const dutyWorker = { actor: { kind: "staff" as const, id: "staff-duty" }, roles: ["duty-worker" as const] };

/** Two centres over memory stores, the sending one reaching the other through the county's ledger. */
function county() {
  const north = memoryApp(NOW);
  const bexley = { ...memoryApp(NOW), profile: loadProfile("bexley") };
  const ledger = new TableRecords<TransferRecord>(memoryEntityTable("County"), "transfers");
  const reach = () => ({ ref: { id: "bexley", name: "Bexley Family Wellbeing" }, deps: bexley });
  const centres: Centres = {
    self: { id: "north", name: "North Family Centre" },
    otherCentres: () => [{ id: "bexley", name: "Bexley Family Wellbeing" }],
    receiveTransfer: (transfer) => receiveTransfer(reach, ledger, transfer),
    transfersFrom: async () => [],
  };
  return { north: { ...north, centres }, bexley, ledger };
}

describe("transferring a case to another centre", () => {
  it("cancels the sending centre's acknowledgement that had not gone: the receiving centre writes instead", async () => {
    const { north } = county();
    const kase = aCase().withId("FC-2026-000200").receivedAt("2026-03-09T09:00:00.000Z").build();
    const contact = await saved(north, kase);
    const key = await queuedAcknowledgement(north, kase.id, contact.id);

    const done = await transferToCentre(north, kase.id, dutyWorker, { toCentre: "bexley" });
    expect(done).toMatchObject({ status: "recorded" });
    expect(await north.outbox.get(kase.id, key)).toMatchObject({
      state: "failed",
      failureReason: expect.stringContaining("at transfer"),
    });
  });

  it("refuses a practitioner before anything is written at the other centre", async () => {
    const { north, bexley, ledger } = county();
    const kase = aCase().withId("FC-2026-000201").receivedAt("2026-03-09T09:00:00.000Z").build();
    await saved(north, kase);
    const practitioner = { actor: { kind: "staff" as const, id: "p" }, roles: ["practitioner" as const] };

    const answer = await transferToCentre(north, kase.id, practitioner, { toCentre: "bexley" });
    expect(answer).toMatchObject({ status: "refused", code: "CASE.FORBIDDEN" });
    expect(await ledger.list()).toEqual([]);
    const received = [];
    for await (const header of bexley.cases.listCaseHeaders()) received.push(header);
    expect(received).toEqual([]);
  });

  it("refuses a centre the deployment does not serve", async () => {
    const { north } = county();
    const kase = aCase().withId("FC-2026-000202").receivedAt("2026-03-09T09:00:00.000Z").build();
    await saved(north, kase);
    expect(await transferToCentre(north, kase.id, dutyWorker, { toCentre: "west" })).toMatchObject({
      status: "refused",
      code: "STORE.NOT_FOUND",
    });
  });
});
