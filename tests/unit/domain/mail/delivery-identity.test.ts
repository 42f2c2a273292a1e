import { describe, expect, it } from "vitest";
import { deliveryIdentity, normaliseMessageId } from "../../../../src/domain/mail/delivery-identity.js";
import { aMessage } from "./mail-builders.js";

describe("issue 19 §1 one email's identity across deliveries", () => {
  it("reads a Message-ID the same with or without angle brackets and whatever the case of its domain", () => {
    expect(normaliseMessageId(" <AbC.123@Mail.School.EXAMPLE> ")).toBe("AbC.123@mail.school.example");
    expect(normaliseMessageId("AbC.123@mail.school.example")).toBe("AbC.123@mail.school.example");
    expect(normaliseMessageId("<abc.123@mail.school.example>")).not.toBe(
      normaliseMessageId("<ABC.123@mail.school.example>"),
    );
    expect(normaliseMessageId("<>")).toBeUndefined();
  });

  it("is the same for two copies of one email, and differs with the sender or the body", () => {
    const copy = { internetMessageId: "<x@school.example>", bodyDigest: "d1" };
    const a = deliveryIdentity(aMessage({ id: "one", ...copy }));
    expect(deliveryIdentity(aMessage({ id: "two", ...copy, internetMessageId: "<x@SCHOOL.example>" }))).toBe(a);
    expect(deliveryIdentity(aMessage({ ...copy, from: { address: "someone.else@school.example" } }))).not.toBe(a);
    expect(deliveryIdentity(aMessage({ ...copy, bodyDigest: "d2" }))).not.toBe(a);
  });

  it("is none without a Message-ID or a body digest: such mail is never merged", () => {
    expect(deliveryIdentity(aMessage({ internetMessageId: undefined, bodyDigest: "d1" }))).toBeUndefined();
    expect(deliveryIdentity(aMessage({ internetMessageId: "<x@school.example>" }))).toBeUndefined();
  });
});
