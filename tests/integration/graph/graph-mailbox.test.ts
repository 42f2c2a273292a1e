import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { GraphThrottledError } from "../../../src/graph/errors.js";
import { batchGet } from "../../../src/graph/graph-batch.js";
import { createGraphClient, type GraphClientOptions } from "../../../src/graph/graph-client.js";
import { GraphMailbox } from "../../../src/graph/graph-mailbox.js";
import type { InboundMessage } from "../../../src/domain/mail/inbound-message.js";
import type { OutgoingMail } from "../../../src/ports/mailbox.js";
import { fakeTime } from "../../unit/graph/fake-time.js";
import { systemClock } from "../../../src/compose/system-clock.js";

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

const client = (overrides: Partial<GraphClientOptions> = {}) =>
  createGraphClient({
    baseUrl: standIn.graphBaseUrl,
    credential: { staticToken: "local-token" },
    clock: systemClock,
    ...overrides,
  });
const mailbox = (overrides: Partial<GraphClientOptions> = {}, pageSize = 2) =>
  new GraphMailbox(client(overrides), { mailbox: MAILBOX, pageSize });

let sequence = 0;
const referral = (subject: string, from = "desk@school.example") =>
  [
    `From: School Desk <${from}>`,
    `To: Family Centre <${MAILBOX}>`,
    `Subject: ${subject}`,
    `Message-ID: <ref-${++sequence}-${Date.now()}@school.example>`,
    "Date: Mon, 23 Nov 2026 09:00:00 +0000",
    "MIME-Version: 1.0",
    "Content-Type: text/html; charset=utf-8",
    "",
    `<p>Referral ${sequence}</p><script>x()</script>`,
    "",
  ].join("\r\n");

/** A whole delta round, page by page: its messages, whether it started over, and the link the next round reads. */
async function readAll(box: GraphMailbox, link?: string) {
  const messages: InboundMessage[] = [];
  let resynced = false;
  for (let from = link; ;) {
    const page = await box.readInboxPage(from);
    messages.push(...page.messages);
    resynced ||= page.resynced;
    if (!("page" in page.next)) return { messages, resynced, deltaLink: page.next.round };
    from = page.next.page;
  }
}

describe("reading the inbox through delta", () => {
  it("follows nextLink pages to a deltaLink and reads each new message in full", async () => {
    const box = mailbox();
    const start = await readAll(box);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await standIn.deliver(referral(`Request for Support ${i}`)));
    const deltaCallsBefore = countOf("GET", "delta");
    const changes = await readAll(box, start.deltaLink);
    expect(changes.resynced).toBe(false);
    expect(changes.messages.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(countOf("GET", "delta") - deltaCallsBefore).toBeGreaterThanOrEqual(3); // 5 messages, 2 per page
    const first = changes.messages.find((m) => m.id === ids[0]);
    expect(first?.bodyText).toBe("Referral " + (sequence - 4));
    expect(first?.headers["subject"]).toEqual(["Request for Support 0"]);
    const again = await readAll(box, changes.deltaLink);
    expect(again.messages).toEqual([]);
  });

  it("starts over without a token when the saved one has expired, and says so", async () => {
    const box = mailbox();
    const { deltaLink } = await readAll(box);
    const id = await standIn.deliver(referral("After expiry"));
    standIn.faults.set({ expireDeltaTokens: true });
    const changes = await readAll(box, deltaLink);
    expect(changes.resynced).toBe(true);
    expect(changes.messages.map((m) => m.id)).toContain(id);
    expect(countOf("GET", "delta", "410")).toBeGreaterThanOrEqual(1);
  });
});

describe("throttling", () => {
  it("waits the Retry-After of a 429 and then succeeds", async () => {
    const id = await standIn.deliver(referral("Throttled read"));
    const time = fakeTime("2026-11-23T10:00:00Z");
    const box = mailbox({ clock: time.clock, sleeper: time.sleeper });
    standIn.faults.set({ throttle: { status: 429, everyNth: 2, retryAfterSeconds: 7 } });
    await box.getMessage(id); // the 1st request passes, the 2nd is refused with Retry-After: 7
    const message = await box.getMessage(id);
    expect(message.id).toBe(id);
    expect(time.sleeps).toEqual([7000]);
    expect(countOf("GET", "messages/{id}", "429")).toBeGreaterThanOrEqual(1);
  });

  it("gives up with a typed error carrying Retry-After when Graph keeps throttling", async () => {
    const id = await standIn.deliver(referral("Always throttled"));
    const time = fakeTime("2026-11-23T10:00:00Z");
    const box = mailbox({ clock: time.clock, sleeper: time.sleeper });
    standIn.faults.set({ throttle: { status: 429, retryAfterSeconds: 1 } });
    const read = box.getMessage(id);
    await expect(read).rejects.toBeInstanceOf(GraphThrottledError);
    await expect(read).rejects.toMatchObject({ code: "GRAPH.THROTTLED", retryAfterSeconds: 1 });
  });

  it("keeps at most 4 requests in flight to the mailbox", async () => {
    const ids = await Promise.all(Array.from({ length: 3 }, (_, i) => standIn.deliver(referral(`Burst ${i}`))));
    standIn.faults.set({ latencyMs: 40 });
    const burst = (box: GraphMailbox) =>
      Promise.all(Array.from({ length: 16 }, (_, i) => box.getMessage(ids[i % ids.length] as string)));
    expect(await highestInFlight(() => burst(mailbox()))).toBe(4);
    expect(await highestInFlight(() => burst(mailbox({ maxConcurrent: 8 })))).toBe(8); // the gate is what limits it
  });
});

describe("a $batch against the mailbox's 4 concurrent requests", () => {
  it("takes as many of the 4 as parts Graph runs at once, so single reads alongside never make a fifth", async () => {
    const ids = await Promise.all([1, 2, 3, 4].map((n) => standIn.deliver(referral(`Batched ${n}`))));
    const graph = client();
    standIn.faults.set({ latencyMs: 80, enforceMailboxLimits: true });
    const parts = ids.map((id) => ({
      key: id,
      path: `users/${MAILBOX}/messages/${id}?$select=id`,
      resource: `message ${id}`,
    }));
    const throttledBefore = countOf("GET", "messages/{id}", "429") + batchPartsRefused();
    await Promise.all([
      batchGet(graph, parts, "read"),
      // Asked for while the parts are in Exchange (the batch waits the latency, then its parts do).
      ...ids.slice(0, 3).map(async (id) => {
        await new Promise((resolve) => setTimeout(resolve, 120));
        return graph.get(`users/${MAILBOX}/messages/${id}?$select=id`, { operation: "read" });
      }),
    ]);
    expect(countOf("GET", "messages/{id}", "429") + batchPartsRefused()).toBe(throttledBefore);
    expect(graph.metrics.throttled).toBe(0);
  });
});

describe("sending through drafts marked with the outbox key", () => {
  it("keeps a reply in the original's thread, and finds it in Sent Items by its marker once sent", async () => {
    const originalId = await standIn.deliver(referral("Please help this family"));
    const box = mailbox();
    const original = await box.getMessage(originalId);
    const mail = {
      outboxKey: `FC-2026-000123~ack~${originalId}`,
      to: [{ address: "desk@school.example" }],
      bodyText: "Thank you, we have received your request.",
    };
    const outboundBefore = standIn.stats().outbound;
    expect(await box.findSentByOutboxKey(mail.outboxKey)).toBeUndefined();
    const draft = await box.createReplyDraft(originalId, mail);
    await box.sendDraft(draft.id);
    const sent = await box.findSentByOutboxKey(mail.outboxKey);
    expect(sent?.id).toBe(draft.id); // immutable ids: the draft keeps its id in Sent Items
    expect(standIn.stats().outbound - outboundBefore).toBe(1);
    const message = await box.getMessage(draft.id);
    expect(message.conversationId).toBe(original.conversationId);
    expect(message.subject).toMatch(/^RE: Please help this family/);
  });

  it("finds a marked draft in Drafts until it is sent, so a sender stopped part-way sends that draft", async () => {
    const box = mailbox();
    const mail = {
      outboxKey: "FC-2026-000124~outcome~1",
      to: [{ address: "parent@home.example" }],
      bodyText: "Outcome",
    };
    const draft = await box.createDraft(mail);
    expect(await box.findDraftByOutboxKey(mail.outboxKey)).toEqual(draft);
    const outboundBefore = standIn.stats().outbound;
    await box.sendDraft(draft.id);
    expect(standIn.stats().outbound - outboundBefore).toBe(1);
    expect(await box.findDraftByOutboxKey(mail.outboxKey)).toBeUndefined();
    expect((await box.findSentByOutboxKey(mail.outboxKey))?.id).toBe(draft.id);
  });

  it("marks our mail so that, arriving back in the inbox, it is recognisably ours and automatic", async () => {
    const box = mailbox();
    const { deltaLink } = await readAll(box);
    await sendMarked(box, { outboxKey: "FC-2026-000125~loop~1", to: [{ address: MAILBOX }], bodyText: "To ourselves" });
    const changes = await readAll(box, deltaLink);
    const ours = changes.messages.find((m) => m.headers["x-fc-outbox-key"]);
    expect(ours?.headers["x-fc-outbox-key"]).toEqual(["FC-2026-000125~loop~1"]);
    expect(ours?.headers["auto-submitted"]).toEqual(["auto-replied"]);
    expect(ours?.headers["x-auto-response-suppress"]).toEqual(["All"]);
  });
});

describe("every request", () => {
  it('carries the bearer token and Prefer: IdType="ImmutableId" (plus the page size on delta)', async () => {
    const seen: Array<{ url: string; authorization: string | null; prefer: string | null }> = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      seen.push({ url: String(input), authorization: headers.get("authorization"), prefer: headers.get("prefer") });
      return realFetch(input, init);
    };
    try {
      const box = mailbox();
      await standIn.deliver(referral("Header check"));
      await readAll(box);
      await sendMarked(box, { outboxKey: "FC-2026-000126~ack~1", to: [{ address: "a@b.example" }], bodyText: "x" });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(seen.length).toBeGreaterThan(4);
    for (const request of seen) {
      expect(request.authorization).toBe("Bearer local-token");
      expect(request.prefer).toContain('IdType="ImmutableId"');
    }
    expect(seen.filter((r) => r.url.includes("/delta")).every((r) => r.prefer?.includes("odata.maxpagesize=2"))).toBe(
      true,
    );
  });
});

/** A new marked draft, sent: how the outbox sends a letter that is not a reply. */
async function sendMarked(box: GraphMailbox, mail: OutgoingMail): Promise<void> {
  await box.sendDraft((await box.createDraft(mail)).id);
}

/** The most requests this process had open to Graph at once while `work` ran. */
async function highestInFlight(work: () => Promise<unknown>): Promise<number> {
  const realFetch = globalThis.fetch;
  let open = 0;
  let highest = 0;
  globalThis.fetch = async (input, init) => {
    highest = Math.max(highest, ++open);
    try {
      return await realFetch(input, init);
    } finally {
      open--;
    }
  };
  try {
    await work();
  } finally {
    globalThis.fetch = realFetch;
  }
  return highest;
}

/** `$batch` parts the stand-in refused with 429. */
function batchPartsRefused(): number {
  return Object.values(standIn.stats().batchParts).reduce((sum, byStatus) => sum + (byStatus["429"] ?? 0), 0);
}

/** Requests the stand-in counted for routes matching `method` and `pathPart`, optionally of one status. */
function countOf(method: string, pathPart: string, status?: string): number {
  let total = 0;
  for (const [route, byStatus] of Object.entries(standIn.stats().requests)) {
    if (!route.startsWith(method + " ") || !route.includes(pathPart)) continue;
    for (const [code, count] of Object.entries(byStatus)) if (!status || code === status) total += count;
  }
  return total;
}
