import { describe, expect, it } from "vitest";
import { createLogger, describeError } from "../../../src/logging/logger.js";

describe("logs carry no personal data", () => {
  const capture = () => {
    const lines: string[] = [];
    const logger = createLogger(
      (l) => lines.push(l),
      { component: "test" },
      () => new Date("2026-12-01T09:00:00Z"),
    );
    return { lines, logger };
  };

  it("writes one JSON line with the event, ids and counts", () => {
    const { lines, logger } = capture();
    logger.child({ caseId: "FC-2026-000123" }).info("contact.logged", { messages: 2 });
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      at: "2026-12-01T09:00:00.000Z",
      level: "info",
      event: "contact.logged",
      component: "test",
      caseId: "FC-2026-000123",
      messages: 2,
    });
  });

  it("masks anything that looks like an email address", () => {
    const { lines, logger } = capture();
    logger.warn("ack.skipped", { detail: "sender jo.bloggs@school.example capped" });
    expect(lines[0]).not.toContain("jo.bloggs");
    expect(lines[0]).toContain("[email]");
  });

  it("describes an error by name and code, never by its message", () => {
    class StoreConflict extends Error {
      code = "STORE.CONFLICT";
    }
    const fields = describeError(new StoreConflict("Jo Bloggs changed FC-2026-000123"));
    expect(fields).toEqual({ errorName: "Error", errorCode: "STORE.CONFLICT" });
    expect(JSON.stringify(fields)).not.toContain("Jo");
  });
});
