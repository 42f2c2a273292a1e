import { describe, expect, it } from "vitest";
import {
  parseHeaderBlock,
  returnedOwnLetterKey,
  wantsReturnedHeaders,
} from "../../../../src/domain/mail/returned-message.js";
import { loadEml } from "../../../../dev/mail/eml.js";
import { aMessage, northContext } from "./mail-builders.js";

const RETURNED = [
  "From: Family Centre North <familycentre.north@council.example>",
  "To: <j.bloggs@oldschool.school.example>",
  "Subject: FC-2026-000124 We have received",
  " your request for support",
  "X-FC-Outbox-Key: FC-2026-000124~acknowledgement~m-abc",
  "",
  "X-FC-Outbox-Key: in the body, never read",
].join("\r\n");

describe("rule 1.2 a bounced acknowledgement is recognised by our marker in the returned headers", () => {
  it("reads the returned header block unfolded, names lower-cased, and stops at its end", () => {
    const headers = parseHeaderBlock(RETURNED);
    expect(headers["subject"]).toEqual(["FC-2026-000124 We have received your request for support"]);
    expect(headers["x-fc-outbox-key"]).toEqual(["FC-2026-000124~acknowledgement~m-abc"]);
  });

  it("skips lines that are not headers instead of reading them as one", () => {
    expect(parseHeaderBlock("not a header line\nX-Ok: yes\n")).toEqual({ "x-ok": ["yes"] });
  });

  it("asks for the returned headers of a delivery report that carries them, and of nothing else", async () => {
    expect(wantsReturnedHeaders(await loadEml("ndr-own-acknowledgement-bounced.eml"))).toBe(true);
    const withPart = { attachments: [{ name: "a", contentType: "text/rfc822-headers", size: 10 }] };
    expect(wantsReturnedHeaders(aMessage(withPart))).toBe(false);
    expect(wantsReturnedHeaders(await loadEml("ooo-english.eml"))).toBe(false);
  });

  it("finds the outbox key of our own letter in a bounce", async () => {
    const bounce = {
      ...(await loadEml("ndr-own-acknowledgement-bounced.eml")),
      returnedHeaders: parseHeaderBlock(RETURNED),
    };
    expect(returnedOwnLetterKey(bounce, northContext)).toBe("FC-2026-000124~acknowledgement~m-abc");
  });

  it("never takes the marker from a message that is not a delivery failure", () => {
    const forged = aMessage({ returnedHeaders: parseHeaderBlock(RETURNED) });
    expect(returnedOwnLetterKey(forged, northContext)).toBeUndefined();
  });

  it("finds nothing in a bounce of someone else's mail", async () => {
    const bounce = { ...(await loadEml("ndr-postfix-mailer-daemon.eml")), returnedHeaders: { subject: ["Hi"] } };
    expect(returnedOwnLetterKey(bounce, northContext)).toBeUndefined();
  });
});
