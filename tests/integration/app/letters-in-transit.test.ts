import { afterEach, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { OUTBOX_KEY_PROPERTY } from "../../../src/graph/mail-sending.js";
import type { Mailbox } from "../../../src/ports/mailbox.js";
import { startAppHarness, type AppHarness, type HarnessOptions } from "../../support/app-harness.js";
import { mailboxWith } from "../../support/mailbox-with.js";
import { allCases } from "./app-assertions.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const MINUTE = 60_000;
/** Exchange takes four minutes to put a sent letter in Sent Items: two still in Drafts, two in no folder. */
const TRANSPORT_MS = 4 * MINUTE;

async function start(options: HarnessOptions = {}): Promise<AppHarness> {
  const h = (harness = await startAppHarness({ letterInTransitMinutes: 15, ...options }));
  h.standIn.faults.set({ sentItemsDelayMs: { min: TRANSPORT_MS, max: TRANSPORT_MS } });
  await h.deliverFixture("eha-school-nurse.eml");
  await syncInbox(h.deps, "test");
  return h;
}

/** Each letter's marker as found in Sent Items, once per copy: a letter sent twice shows twice. */
const markersInSentItems = (h: AppHarness): string[] =>
  h.standIn.mailbox
    .list("sentitems")
    .map((m) => m.singleValueExtendedProperties.find((p) => p.id === OUTBOX_KEY_PROPERTY)?.value ?? "(no marker)");

/** Outbox rounds every 30 s of the test's clock, as the service's drain would run them, for `ms`. */
async function roundsFor(h: AppHarness, ms: number): Promise<void> {
  for (let waited = 0; waited < ms; waited += 30_000) {
    h.clock.advance(30_000);
    await deliverOutbox(h.deps);
  }
}

const acknowledgementsRecorded = async (h: AppHarness) =>
  (await allCases(h))[0]?.case.events.filter((e) => e.type === "acknowledgement.sent") ?? [];

describe("rule 1.2 acknowledgement sent once on an Exchange whose Sent Items lags", () => {
  it("is not sent again when the /send answer is lost and the letter still shows in Drafts", async () => {
    const h = await start();
    h.standIn.faults.set({ dropSendResponses: 1 });

    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, failed: 1 });
    await roundsFor(h, TRANSPORT_MS + MINUTE);

    expect(markersInSentItems(h)).toHaveLength(1);
    expect(h.standIn.stats().outbound).toBe(1);
    expect(await acknowledgementsRecorded(h)).toHaveLength(1);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, failed: 0, waiting: 0 });
  });

  it("takes a draft gone from every folder (404) as on its way, and drafts nothing new", async () => {
    const h = await start();
    h.standIn.faults.set({ dropSendResponses: 1 });
    await deliverOutbox(h.deps);
    h.clock.advance(TRANSPORT_MS * 0.75); // past Drafts, not yet in Sent Items

    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, waiting: 1, failed: 0 });
    expect(h.standIn.mailbox.list("drafts")).toEqual([]);
    await roundsFor(h, MINUTE * 2);
    expect(markersInSentItems(h)).toHaveLength(1);
    expect(await acknowledgementsRecorded(h)).toHaveLength(1);
  });

  it("sends a draft that is still a draft after the in-transit window, once (the send never reached Exchange)", async () => {
    let stops = 1;
    const h = await start({
      wrapMailbox: (inner: Mailbox): Mailbox =>
        mailboxWith(inner, {
          sendDraft: async (draftId) => {
            if (stops-- > 0) throw new Error("process stopped before the send");
            return inner.sendDraft(draftId);
          },
        }),
    });
    expect(await deliverOutbox(h.deps)).toMatchObject({ failed: 1 });

    await roundsFor(h, 14 * MINUTE);
    expect(h.standIn.stats().outbound).toBe(0); // a draft may be a letter on its way: within the window it waits
    await roundsFor(h, 2 * MINUTE + TRANSPORT_MS);

    expect(markersInSentItems(h)).toHaveLength(1);
    expect(await acknowledgementsRecorded(h)).toHaveLength(1);
  });

  it("keeps the marker on a reply whose createReply dropped it, so the letter is found and never sent twice", async () => {
    const h = await start();
    h.standIn.faults.set({ createReplyDropsMarker: true, dropSendResponses: 1 });
    await deliverOutbox(h.deps);
    await roundsFor(h, TRANSPORT_MS + MINUTE);

    const [sent] = h.standIn.mailbox.list("sentitems");
    const key = (await allCases(h))[0]?.case.events.find((e) => e.type === "acknowledgement.sent")?.data.outboxKey;
    expect(markersInSentItems(h)).toEqual([key]);
    expect(sent?.raw?.toString("utf8")).toMatch(/^X-FC-Outbox-Key: /m);
    expect(sent?.raw?.toString("utf8")).toMatch(/^X-Auto-Response-Suppress: All/m);
  });
});
