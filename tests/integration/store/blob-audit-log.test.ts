import { randomUUID } from "node:crypto";
import { BlobServiceClient } from "@azure/storage-blob";
import { describe, expect, inject, it } from "vitest";
import type { AuditEvent } from "../../../src/ports/audit.js";
import { azureAppendBlobs } from "../../../src/store/azure-append-blobs.js";
import { auditContainerName, createTableStore } from "../../../src/store/create-table-store.js";

// Issue 16, item 4: the access audit is one append blob a day in Azurite's blob service, created if absent and
// only ever appended to.

const connection = (): string => inject("azuriteConnectionString");

async function aStore() {
  const tablePrefix = `Aud${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const store = await createTableStore(connection(), { allowInsecureConnection: true, tablePrefix });
  const container = BlobServiceClient.fromConnectionString(connection()).getContainerClient(
    auditContainerName(tablePrefix),
  );
  return { store, tablePrefix, container };
}

const event = (at: string, action: AuditEvent["action"], subject: string, actorId = "dpo-1"): AuditEvent => ({
  action,
  at,
  actorId,
  subject,
  via: "api",
});

describe("the access audit in append blobs", () => {
  it("appends each day's events to that day's append blob, one JSON line each", async () => {
    const { store, container } = await aStore();
    await store.audit.append(event("2026-03-01T09:00:00.000Z", "case.read", "FC-2026-000001", "worker-1"));
    await store.audit.append(event("2026-03-01T10:00:00.000Z", "people.searched", "subject-access"));
    await store.audit.append(event("2026-03-02T08:00:00.000Z", "case.redacted", "FC-2026-000001"));

    const blobs = [];
    for await (const blob of container.listBlobsFlat()) blobs.push([blob.name, blob.properties.blobType]);
    expect(blobs).toEqual([
      ["2026-03-01.jsonl", "AppendBlob"],
      ["2026-03-02.jsonl", "AppendBlob"],
    ]);
    const text = (await container.getBlobClient("2026-03-01.jsonl").downloadToBuffer()).toString("utf8");
    expect(
      text
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as AuditEvent).action),
    ).toEqual(["case.read", "people.searched"]);
  });

  it("reads back the events of a period, by case and by actor", async () => {
    const { store } = await aStore();
    await store.audit.append(event("2026-03-01T09:00:00.000Z", "case.read", "FC-2026-000001", "worker-1"));
    await store.audit.append(event("2026-03-02T09:00:00.000Z", "case.read", "FC-2026-000002", "worker-1"));
    await store.audit.append(event("2026-03-03T09:00:00.000Z", "case.redacted", "FC-2026-000001"));

    const all = await store.audit.read({ from: "2026-03-01", to: "2026-03-03" });
    expect(all.map((e) => e.at)).toEqual([
      "2026-03-01T09:00:00.000Z",
      "2026-03-02T09:00:00.000Z",
      "2026-03-03T09:00:00.000Z",
    ]);
    const first = await store.audit.read({ from: "2026-03-01", to: "2026-03-31", caseId: "FC-2026-000001" });
    expect(first.map((e) => e.action)).toEqual(["case.read", "case.redacted"]);
    expect(await store.audit.read({ from: "2026-03-02", to: "2026-03-03", actorId: "worker-1" })).toHaveLength(1);
    expect(await store.audit.read({ from: "2026-04-01", to: "2026-04-30" })).toEqual([]);
  });

  it("never replaces a day's blob: another instance (or a restart) appends after what is there", async () => {
    const { store, tablePrefix, container } = await aStore();
    await store.audit.append(event("2026-03-01T09:00:00.000Z", "case.read", "FC-2026-000001"));
    const again = await createTableStore(connection(), { allowInsecureConnection: true, tablePrefix });
    await again.audit.append(event("2026-03-01T11:00:00.000Z", "settings.changed", "settings"));
    expect((await store.audit.read({ from: "2026-03-01", to: "2026-03-01" })).map((e) => e.action)).toEqual([
      "case.read",
      "settings.changed",
    ]);
    // Nor does a second adapter over the same container: create-if-absent leaves the blob as it is.
    const line = `${JSON.stringify(event("2026-03-01T12:00:00.000Z", "case.read", "FC-2026-000002"))}\n`;
    await azureAppendBlobs(container).append("2026-03-01.jsonl", line);
    expect(await store.audit.read({ from: "2026-03-01", to: "2026-03-01" })).toHaveLength(3);
  });

  it("has no way to overwrite or delete an event: the adapter offers append and read only", () => {
    const blobs = azureAppendBlobs(
      BlobServiceClient.fromConnectionString(connection()).getContainerClient("audit-shape"),
    );
    expect(Object.keys(blobs).sort()).toEqual(["append", "read"]);
  });

  it("relies on the adapter locally: Azurite does not enforce a container's immutability (WORM) policy", async () => {
    // In Azure the audit container carries a time-based immutability policy (infra/storage/storage.bicep), under
    // which Azure refuses to delete or overwrite any blob until its period ends. Azurite has no such policy (it is
    // set on the container through Azure Resource Manager, which Azurite does not emulate), so another client
    // with the account key can delete a day's blob here. This test says so; if Azurite ever enforces WORM, it
    // fails, and the expectation should become a refusal.
    const { store, container } = await aStore();
    await store.audit.append(event("2026-03-01T09:00:00.000Z", "case.read", "FC-2026-000001"));
    const deleted = await container.getBlobClient("2026-03-01.jsonl").deleteIfExists();
    expect(deleted.succeeded).toBe(true);
  });
});
