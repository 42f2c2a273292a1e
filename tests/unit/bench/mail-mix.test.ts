import { describe, expect, it } from "vitest";
import { makeNew, MailMix } from "../../../bench/support/mail-mix.js";

describe("the benchmark's fixture mix", () => {
  const raw =
    "From: a@example.org\r\nSubject: Request for support\r\nMessage-ID: <old@x>\r\n\r\nMessage-ID: <body@x>\r\n";

  it("gives each copy its own Message-ID and a tagged subject, leaving the body alone", () => {
    const copy = makeNew(raw, "new-1@bench.invalid", "[bench 1]");
    expect(copy).toContain("Message-ID: <new-1@bench.invalid>\r\n");
    expect(copy).toContain("Subject: Request for support [bench 1]\r\n");
    expect(copy).not.toContain("<old@x>");
    expect(copy.endsWith("\r\n\r\nMessage-ID: <body@x>\r\n")).toBe(true);
  });

  it("adds a Message-ID to a message that has none", () => {
    expect(makeNew("Subject: s\n\nbody", "n@b", "[t]")).toBe("Message-ID: <n@b>\nSubject: s [t]\n\nbody");
  });

  it("goes through every fixture in turn with distinct ids", () => {
    const mix = new MailMix("t");
    const copies = Array.from({ length: mix.size + 1 }, () => mix.take());
    expect(new Set(copies.map((c) => c.messageId)).size).toBe(copies.length);
    expect(copies.at(-1)?.fixture).toBe(copies[0]?.fixture);
    expect(new Set(copies.map((c) => c.fixture)).size).toBe(mix.size);
  });
});
