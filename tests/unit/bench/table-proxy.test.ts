import { describe, expect, it } from "vitest";
import { operationKind, queryReach, tableOf } from "../../../bench/support/table-proxy.js";

describe("counting Azure Table operations", () => {
  it("counts an entity-group transaction ($batch) as one operation", () => {
    expect(operationKind("POST", "/devstoreaccount1/$batch")).toBe("batch");
  });

  it("tells point reads from queries", () => {
    expect(operationKind("GET", "/devstoreaccount1/cases(PartitionKey='a',RowKey='b')")).toBe("read");
    expect(operationKind("GET", "/devstoreaccount1/cases()?$filter=PartitionKey%20eq%20'a'")).toBe("query");
  });

  it("names writes by their verb", () => {
    expect(operationKind("POST", "/devstoreaccount1/cases")).toBe("insert");
    expect(operationKind("PUT", "/devstoreaccount1/cases(PartitionKey='a',RowKey='b')")).toBe("upsert/replace");
    expect(operationKind("MERGE", "/devstoreaccount1/cases(PartitionKey='a',RowKey='b')")).toBe("merge");
    expect(operationKind("DELETE", "/devstoreaccount1/cases(PartitionKey='a',RowKey='b')")).toBe("delete");
  });

  it("keeps table management apart from entity operations", () => {
    expect(operationKind("POST", "/devstoreaccount1/Tables")).toBe("table post");
  });

  it("names the table and tells a query within one partition from one across partitions", () => {
    expect(tableOf("/devstoreaccount1/Outbox()?$filter=PartitionKey%20eq%20'~pending'")).toBe("Outbox");
    expect(tableOf("/devstoreaccount1/Cases(PartitionKey='a',RowKey='b')")).toBe("Cases");
    expect(queryReach("/devstoreaccount1/Outbox()?$filter=PartitionKey%20eq%20'~pending'")).toBe("onePartition");
    expect(queryReach("/devstoreaccount1/Cases()?$filter=RowKey%20eq%20'case'")).toBe("acrossPartitions");
    expect(queryReach("/devstoreaccount1/Messages()")).toBe("acrossPartitions");
  });
});
