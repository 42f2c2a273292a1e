import { describe, expect, it } from "vitest";
import { decodeKey, encodeCompositeKey, encodeKey, eventRowKey, shortHash } from "../../../src/store/keys.js";

describe("table keys", () => {
  it("encodes the characters Azure forbids in keys, our ~ separator and %, and decodes back", () => {
    const immutableId = "AAMkAGI2/TG+Q==\\#?~%\u0001\u007f";

    const key = encodeKey(immutableId);

    expect(key).toBe("AAMkAGI2%2FTG+Q==%5C%23%3F%7E%25%01%7F");
    expect(decodeKey(key)).toBe(immutableId);
  });

  it("keeps ~ in composite keys such as worker lists", () => {
    expect(encodeCompositeKey("worker~a/b")).toBe("worker~a%2Fb");
  });

  it("numbers event rows so that they sort in log order", () => {
    expect([eventRowKey(10), eventRowKey(9), eventRowKey(100)].sort()).toEqual([
      "event~000009",
      "event~000010",
      "event~000100",
    ]);
  });

  it("spreads message ids over short, stable partition keys", () => {
    expect(shortHash("message-1")).toMatch(/^[0-9a-f]{3}$/);
    expect(shortHash("message-1")).toBe(shortHash("message-1"));
  });
});
