import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { createGraphClient } from "../../../src/graph/graph-client.js";
import { GraphMailbox } from "../../../src/graph/graph-mailbox.js";
import { odataString } from "../../../src/graph/message-finder.js";
import { systemClock } from "../../../src/compose/system-clock.js";

const MAILBOX = "familycentre@council.example";
let standIn: StandIn;
let box: GraphMailbox;

beforeAll(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0 });
  const graph = createGraphClient({
    baseUrl: standIn.graphBaseUrl,
    credential: { staticToken: "local-token" },
    clock: systemClock,
  });
  box = new GraphMailbox(graph, { mailbox: MAILBOX });
});
afterAll(() => standIn.close());

const withMessageId = (messageId: string) =>
  [
    "From: School Desk <desk@school.example>",
    `To: Family Centre <${MAILBOX}>`,
    "Subject: Request for Support",
    `Message-ID: ${messageId}`,
    "Date: Mon, 23 Nov 2026 09:00:00 +0000",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Please help the family.",
    "",
  ].join("\r\n");

describe("finding the mailbox's copy of an email by its Message-ID", () => {
  it("quotes the value as an OData string, doubling a single quote", () => {
    expect(odataString("<o'brien@school.example>")).toBe("'<o''brien@school.example>'");
  });

  it("finds the immutable id even when the Message-ID holds characters a URL would otherwise mangle", async () => {
    const awkward = "<a'b+c/d&e#f=g%h 1@school.example>";
    const id = await standIn.deliver(withMessageId(awkward));
    await standIn.deliver(withMessageId("<a'b+c@school.example>"));

    expect(await box.findByInternetMessageId(awkward)).toEqual([id]);
  });

  it("finds nothing for a Message-ID the mailbox never received", async () => {
    expect(await box.findByInternetMessageId("<never-sent@school.example>")).toEqual([]);
  });
});
