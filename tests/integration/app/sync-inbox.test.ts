import { afterEach, describe, expect, it } from "vitest";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { mailboxWith } from "../../support/mailbox-with.js";
import { allCases } from "./app-assertions.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Seven requests for help: with the harness's pages of three, a round of three pages. */
const REFERRALS = [
  "eha-school-nurse.eml",
  "rfs-gp-surgery.eml",
  "front-door-plain-fields.eml",
  "eha-health-visitor-docx.eml",
  "dart-police-notification.eml",
  "front-door-name-only.eml",
  "eha-school-dsl-attachment-only.eml",
] as const;

describe("rule 1.3 the inbox is read a page at a time", () => {
  it("goes on from the last page it handled when a round stops part-way, logging each contact once", async () => {
    const links: Array<string | undefined> = [];
    let stops = 1;
    const h = (harness = await startAppHarness({
      wrapMailbox: (inner) =>
        mailboxWith(inner, {
          readInboxPage: async (link, options) => {
            links.push(link);
            // The process stops (or Exchange throttles past our retries) before the round's second page.
            if (links.length === 2 && stops-- > 0) throw new Error("process stopped");
            return inner.readInboxPage(link, options);
          },
        }),
    }));
    for (const referral of REFERRALS) await h.deliverFixture(referral);

    await expect(syncInbox(h.deps, "test")).rejects.toThrow("process stopped");
    expect((await allCases(h)).length).toBe(3);
    const saved = (await h.deps.sync.get("inbox"))?.value.deltaLink;
    expect(saved).toBeDefined();
    expect(saved).toBe(links[1]);

    expect(await syncInbox(h.deps, "test")).toMatchObject({ messages: 4, logged: 4, alreadyHandled: 0, failed: 0 });
    expect(links[2]).toBe(saved);
    expect((await allCases(h)).length).toBe(REFERRALS.length);
    expect(await syncInbox(h.deps, "test")).toMatchObject({ messages: 0 });
  });
});
