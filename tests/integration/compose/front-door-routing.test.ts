import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {
  CaseDetail,
  CountyTriageMail,
  CountyTriageResponse,
  RouteFrontDoorMailResponse,
} from "../../../src/api/contract.js";
import { routeFrontDoorMail, routeTo } from "../../../src/app/front-door/route-front-door-mail.js";
import { eventually, FIXTURES, startLocalStack, type LocalStack } from "../../support/local-stack.js";
import { asStaff } from "../../support/as-staff.js";

/**
 * Issue 21 §4: the Front Door desk forwards to one shared county address; each referral is routed to the centre whose
 * areas its form names, or waits in the county triage queue for a duty worker of any centre. Through the real
 * service: two centres and the shared address on the Graph stand-in, real Azurite, real HTTP.
 */
const FRONT_DOOR = "frontdoor@council.example";
const NORTH = { id: "north", name: "North Family Centre", mailbox: "familycentre@council.example" };
const SOUTH = { id: "south", name: "South Family Hub", mailbox: "familycentre2@council.example" };
const REFERRER = "claire.whitfield@greenbank.school.example";
const BOTH_CENTRES = "demo-manager";
const SOUTH_DUTY = "demo-second-centre-manager";
const PRACTITIONER = "demo-practitioner-ft";
const NEW_CONTACT_LISTS = ["triage", "awaiting-consent", "front-door", "awaiting-screening"] as const;

let stack: LocalStack;

/** The desk's forwarded Front Door form, its family's postcode or child's school added where the form has them. */
const frontDoorForm = (id: string, field = ""): string =>
  readFileSync(join(FIXTURES, "front-door-plain-fields.eml"), "utf8")
    .replace(/^Message-ID: .*$/m, `Message-ID: <${id}@council.example>`)
    .replace("Consent obtained: Yes", `Consent obtained: Yes\n${field}`);

beforeAll(async () => {
  const prefix = `Fd${randomBytes(5).toString("hex")}`;
  stack = await startLocalStack(inject("azuriteConnectionString"), prefix, {
    centres: [
      { ...NORTH, profile: "family-solutions", areas: { postcodes: ["NE1"], schools: ["Moorside Primary School"] } },
      { ...SOUTH, profile: "family-solutions", areas: { postcodes: ["NE2", "NE1 9"], schools: [] } },
    ],
    frontDoor: FRONT_DOOR,
  });
  // Each mailbox's first round sets its go-live: mail received before it is never read.
  await stack.service.syncNow();
}, 120_000);
afterAll(async () => stack?.close());

const { call, json } = asStaff(() => stack.service.url);
const routeByPerson = (staffId: string, messageId: string, centre: string) =>
  call(staffId, `/api/county/triage/${encodeURIComponent(messageId)}/route`, {
    method: "POST",
    body: JSON.stringify({ centre }),
  });

/** Acknowledgements each mailbox has sent to the referrer, by mailbox. */
async function acknowledgements(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const mailbox of [NORTH.mailbox, SOUTH.mailbox, FRONT_DOOR]) {
    counts[mailbox] = (await stack.sentItems(mailbox)).filter((m) => m.to.includes(REFERRER)).length;
  }
  return counts;
}

/** The one new case a centre holds for the referral, once its intake and letters have run. */
async function casesAt(centre: number): Promise<string[]> {
  const store = stack.service.centres[centre]?.store;
  const lists = await Promise.all(NEW_CONTACT_LISTS.map((list) => store?.worklists.list(list)));
  return [...new Set(lists.flatMap((page) => page?.items ?? []).map((item) => item.caseId))];
}

describe("4. the county's shared Front Door address routed by area", () => {
  it("sends a form naming the family's postcode to the centre covering it, acknowledged from that centre's mailbox", async () => {
    await stack.standIn.deliver(frontDoorForm("fd-postcode", "Family's postcode: NE1 9QT"), "inbox", FRONT_DOOR);
    // NE1 is North's district, but South declares the NE1 9 sector: the sector decides.
    const sent = await eventually(async () => {
      await stack.service.syncNow();
      const counts = await acknowledgements();
      expect(counts[SOUTH.mailbox]).toBe(1);
      return counts;
    });
    expect(sent).toEqual({ [NORTH.mailbox]: 0, [SOUTH.mailbox]: 1, [FRONT_DOOR]: 0 });
    // From the centre's own mailbox as a new message (the email is not in its mailbox to reply to).
    const [ack] = (await stack.sentItems(SOUTH.mailbox)).filter((m) => m.to.includes(REFERRER));
    expect(ack?.subject).not.toMatch(/^RE:/i);
    const [caseId] = await casesAt(1);
    expect(await casesAt(0)).toEqual([]);
    const detail = await json<CaseDetail>(BOTH_CENTRES, `/api/centres/south/cases/${caseId}`);
    expect(JSON.stringify(detail)).toContain("routed to this centre");
    // Routed, it is not in the triage queue; a second round changes nothing.
    await stack.service.syncNow();
    expect(await acknowledgements()).toEqual(sent);
    const queue = await json<CountyTriageResponse>(SOUTH_DUTY, "/api/county/triage");
    expect(queue.items.map((i) => i.reason)).not.toContain("no-area-named");
  });

  it("sets aside an autoreply to the shared address: never answered, never routed, listed in the queue as what it is", async () => {
    const before = await acknowledgements();
    await stack.standIn.deliver(readFileSync(join(FIXTURES, "ooo-english.eml"), "utf8"), "inbox", FRONT_DOOR);
    const item = await eventually(async () => {
      await stack.service.syncNow();
      const queue = await json<CountyTriageResponse>(SOUTH_DUTY, "/api/county/triage");
      const found = queue.items.find((i) => i.reason === "autoreply");
      expect(found).toBeDefined();
      return found;
    });
    // Not a referral: listed apart from what waits for a centre, and routable all the same.
    expect(item).toMatchObject({
      state: "ignored",
      waiting: false,
      reasonLabel: expect.stringMatching(/automatic reply/i),
    });
    expect(await acknowledgements()).toEqual(before);
    for (const mailbox of [NORTH.mailbox, SOUTH.mailbox, FRONT_DOOR]) {
      expect((await stack.sentItems(mailbox)).some((m) => /out of office/i.test(m.subject))).toBe(false);
    }
  });
});

describe("4. the county triage queue", () => {
  it("holds a form naming no area for any centre's duty worker; two choosing at once route it to one centre, once", async () => {
    await stack.standIn.deliver(frontDoorForm("fd-no-area"), "inbox", FRONT_DOOR);
    const waiting = await eventually(async () => {
      await stack.service.syncNow();
      const queue = await json<CountyTriageResponse>(SOUTH_DUTY, "/api/county/triage");
      const found = queue.items.find((i) => i.reason === "no-area-named");
      expect(found).toBeDefined();
      return { item: found, centres: queue.centres };
    });
    expect(waiting.centres).toEqual([
      { id: "north", name: NORTH.name },
      { id: "south", name: SOUTH.name },
    ]);
    const messageId = waiting.item?.messageId ?? "";
    // The list names no one: when, the sender's domain, why.
    expect(waiting.item).toMatchObject({ senderDomain: "council.example", state: "ignored", waiting: true });
    expect(JSON.stringify(waiting.item)).not.toContain("Whitfield");
    // Only a duty worker or manager of a centre routes it, or reads it.
    const refused = await call(PRACTITIONER, "/api/county/triage");
    expect(refused.status).toBe(403);
    expect((await routeByPerson(PRACTITIONER, messageId, "north")).status).toBe(403);
    const mail = await json<CountyTriageMail>(SOUTH_DUTY, `/api/county/triage/${encodeURIComponent(messageId)}`);
    expect(mail.bodyText).toContain("FRONT DOOR CONTACT FORM");

    const before = await acknowledgements();
    const [north, south] = await Promise.all([
      routeByPerson(BOTH_CENTRES, messageId, "north"),
      routeByPerson(SOUTH_DUTY, messageId, "south"),
    ]);
    const statuses = [north.status, south.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = north.status === 200 ? 0 : 1;
    const routed = (await (winner === 0 ? north : south).json()) as RouteFrontDoorMailResponse;
    const loser = (await (winner === 0 ? south : north).json()) as { error: { code: string; message: string } };
    expect(loser.error.code).toMatch(/^FRONT_DOOR\.(ALREADY_ROUTED|BEING_ROUTED|ROUTED)$/);
    expect(routed.centre.id).toBe(winner === 0 ? "north" : "south");

    const mailbox = winner === 0 ? NORTH.mailbox : SOUTH.mailbox;
    const sent = await eventually(async () => {
      await stack.service.syncNow();
      const counts = await acknowledgements();
      expect(counts[mailbox]).toBe((before[mailbox] ?? 0) + 1);
      return counts;
    });
    // One acknowledgement, from the chosen centre's mailbox only; a second click finds it routed.
    expect(Object.values(sent).reduce((a, b) => a + b, 0)).toBe(Object.values(before).reduce((a, b) => a + b, 0) + 1);
    const again = await routeByPerson(BOTH_CENTRES, messageId, routed.centre.id);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "FRONT_DOOR.ROUTED" } });
    await stack.service.syncNow();
    expect(await acknowledgements()).toEqual(sent);

    // The case says who routed it; the county audit says who, what and when.
    const detail = await json<CaseDetail>(BOTH_CENTRES, `/api/centres/${routed.centre.id}/cases/${routed.caseId}`);
    expect(JSON.stringify(detail)).toContain("routed to this centre");
    const today = new Date().toISOString().slice(0, 10);
    const audit = await stack.service.county.audit.read({ from: today, to: today });
    const routings = audit.filter((e) => e.action === "front-door.routed" && e.via === "api");
    expect(routings).toHaveLength(1);
    expect(routings[0]).toMatchObject({ detail: { centre: routed.centre.id, caseId: routed.caseId, by: "person" } });
    expect([BOTH_CENTRES, SOUTH_DUTY]).toContain(routings[0]?.actorId);
    expect(audit.some((e) => e.action === "front-door.read" && e.actorId === SOUTH_DUTY)).toBe(true);
    const queue = await json<CountyTriageResponse>(SOUTH_DUTY, "/api/county/triage");
    expect(queue.items.map((i) => i.messageId)).not.toContain(messageId);
  });
});

describe("4. a Front Door email is routed exactly once", () => {
  it("takes an email seen again (a replayed delta, a duplicate notification, a retry after a stop) once", async () => {
    await stack.standIn.deliver(frontDoorForm("fd-again", "Family's postcode: NE2 7JJ"), "inbox", FRONT_DOOR);
    const fd = stack.service.frontDoor!.deps;
    const before = await casesAt(1);
    const acksBefore = (await acknowledgements())[SOUTH.mailbox] ?? 0;
    await eventually(async () => {
      await stack.service.syncNow();
      expect(await casesAt(1)).toHaveLength(before.length + 1);
      expect((await acknowledgements())[SOUTH.mailbox]).toBe(acksBefore + 1);
    });
    const copy = stack.standIn
      .mailboxFor(FRONT_DOOR)
      .list("inbox")
      .find((m) => m.internetMessageId === "<fd-again@council.example>");
    const message = await fd.mailbox.getMessage(copy?.id ?? "");
    // Read again by a later round: the shared address's ledger has it.
    expect(await routeFrontDoorMail(fd, message)).toEqual({ outcome: "already-handled" });
    // A run stopped after the hand-over, before its ledger was settled, hands it over again: the centre has it.
    const south = fd.centres[1]!;
    const route = { centre: "south", by: "postcode" as const, at: new Date().toISOString() };
    const first = await routeTo(fd, south, message, route);
    const second = await routeTo(fd, south, message, route);
    expect(second).toEqual(first);
    await stack.service.syncNow();
    expect(await casesAt(1)).toHaveLength(before.length + 1);
    expect((await acknowledgements())[SOUTH.mailbox]).toBe(acksBefore + 1);
  });
});
