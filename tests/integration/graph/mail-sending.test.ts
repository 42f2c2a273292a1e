import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { systemClock } from "../../../src/compose/system-clock.js";
import { createGraphClient } from "../../../src/graph/graph-client.js";
import { GraphMailbox } from "../../../src/graph/graph-mailbox.js";

const MAILBOX = "familycentre@council.example";
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0 });
});
afterAll(async () => {
  await standIn.close();
});
afterEach(() => {
  standIn.faults.reset();
});

const client = () =>
  createGraphClient({ baseUrl: standIn.graphBaseUrl, credential: { staticToken: "local-token" }, clock: systemClock });
const mailbox = () => new GraphMailbox(client(), { mailbox: MAILBOX });

let sequence = 0;
const referral = (subject: string) =>
  [
    "From: School Desk <desk@school.example>",
    `To: Family Centre <${MAILBOX}>`,
    `Subject: ${subject}`,
    `Message-ID: <sending-${++sequence}-${Date.now()}@school.example>`,
    "",
    "Please help.",
    "",
  ].join("\r\n");

/** Requests the stand-in counted for routes matching `method` and `pathPart`. */
const countOf = (method: string, pathPart: string): number =>
  Object.entries(standIn.stats().requests)
    .filter(([route]) => route.startsWith(`${method} `) && route.includes(pathPart))
    .flatMap(([, byStatus]) => Object.values(byStatus))
    .reduce((a, b) => a + b, 0);

describe("a reply draft keeps our marker", () => {
  it("puts the marker on the draft when createReply leaves its message's marker out", async () => {
    const originalId = await standIn.deliver(referral("Please help"));
    standIn.faults.set({ createReplyDropsMarker: true });
    const box = mailbox();
    const mail = { outboxKey: "FC-2026-000130~acknowledgement~c1", to: [{ address: "desk@school.example" }] };
    const draft = await box.createReplyDraft(originalId, { ...mail, bodyText: "Thank you" });

    expect(await box.findDraftByOutboxKey(mail.outboxKey)).toEqual(draft);
    await box.sendDraft(draft.id);
    const sent = standIn.mailbox.get(draft.id).raw?.toString("utf8") ?? "";
    expect(sent).toMatch(/^X-FC-Outbox-Key: FC-2026-000130~acknowledgement~c1\r?$/m);
    expect(sent).toMatch(/^Auto-Submitted: auto-replied\r?$/m);
    expect(sent).toMatch(/^X-Auto-Response-Suppress: All\r?$/m);
  });

  it("adds nothing to a draft that came with its marker", async () => {
    const originalId = await standIn.deliver(referral("Please help again"));
    const patchesBefore = countOf("PATCH", "messages/{id}");
    await mailbox().createReplyDraft(originalId, {
      outboxKey: "k-131",
      to: [{ address: "a@b.example" }],
      bodyText: "x",
    });
    expect(countOf("PATCH", "messages/{id}")).toBe(patchesBefore);
  });
});

describe("where a draft handed to Exchange is", () => {
  it("tells a draft still in Drafts, a sent one, and one in no folder while Sent Items catches up", async () => {
    let now = new Date("2026-11-23T10:00:00Z");
    const slow = await startStandIn({ smtpPort: 0, graphPort: 0, now: () => now });
    try {
      slow.faults.set({ sentItemsDelayMs: { min: 60_000, max: 60_000 } });
      const box = new GraphMailbox(
        createGraphClient({ baseUrl: slow.graphBaseUrl, credential: { staticToken: "t" }, clock: systemClock }),
        { mailbox: MAILBOX },
      );
      const draft = await box.createDraft({ outboxKey: "k-132", to: [{ address: "a@b.example" }], bodyText: "x" });
      expect(await box.draftStatus(draft.id)).toBe("draft");
      await box.sendDraft(draft.id);
      expect(await box.draftStatus(draft.id)).toBe("draft"); // on its way, still shown in Drafts
      now = new Date(now.getTime() + 40_000);
      expect(await box.draftStatus(draft.id)).toBe("missing"); // on its way, in no folder
      now = new Date(now.getTime() + 30_000);
      expect(await box.draftStatus(draft.id)).toBe("sent");
    } finally {
      await slow.close();
    }
  });
});
