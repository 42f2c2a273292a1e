import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { caseActions } from "../../../../src/app/actions/available-actions.js";
import { completeTransfers } from "../../../../src/app/centres/transfer-to-centre.js";
import { clocksNow } from "../../../../src/app/queries/clocks-now.js";
import { systemActor } from "../../../../src/domain/actor.js";
import type { Case } from "../../../../src/domain/case.js";
import { transferIdOf, transferOf } from "../../../../src/domain/lifecycle/decide-transfer.js";
import type { CentreService } from "../../../../src/compose/centre-service.js";
import { eventually, startLocalStack, type LocalStack } from "../../../support/local-stack.js";
import { asStaff } from "../../../support/as-staff.js";

const NORTH = { id: "north", name: "North Family Centre", mailbox: "familycentre@council.example" };
const BEXLEY = { id: "bexley", name: "Bexley Family Wellbeing", mailbox: "familycentre2@council.example" };
/** eha-school-nurse.eml's referrer. */
const REFERRER = "priya.raman@nhs.example";

/**
 * Issue 21 §4 over the whole service: two centres (Family Solutions and Bexley's framework) on one deployment,
 * Azurite, the Graph stand-in serving both mailboxes, and the API's action door a duty worker clicks.
 */
describe("a case transferred between centres", () => {
  let stack: LocalStack;
  let north: CentreService;
  let bexley: CentreService;

  beforeAll(async () => {
    stack = await startLocalStack(inject("azuriteConnectionString"), "Transfers", {
      centres: [
        { ...NORTH, profile: "family-solutions" },
        { ...BEXLEY, profile: "bexley" },
      ],
    });
    [north, bexley] = stack.service.centres as [CentreService, CentreService];
  }, 60_000);
  afterAll(() => stack.close());

  const { token } = asStaff(() => stack.service.url);
  const clickTransfer = async (caseId: string, etag: string) =>
    fetch(`${stack.service.url}/api/centres/north/cases/${caseId}/actions/transfer-to-centre`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await token("demo-duty-worker")}`,
        "content-type": "application/json",
        "if-match": etag,
      },
      body: JSON.stringify({ centre: "bexley", note: "The family has moved to Bexley." }),
    });
  const casesOf = async (centre: CentreService): Promise<Case[]> => {
    const all: Case[] = [];
    for await (const header of centre.deps.cases.listCaseHeaders()) {
      all.push((await centre.deps.cases.getCase(header.id)).case);
    }
    return all;
  };
  const receivedFrom = async (fromCaseId: string) =>
    (await casesOf(bexley)).filter((c) =>
      c.events.some((e) => e.type === "case.received-by-transfer" && e.data.fromCaseId === fromCaseId),
    );
  /** A transfer that wrote the receiving case, then stopped (a crash) before the sending case's event. */
  const firstWriteOnly = async (caseId: string) => {
    const stored = await north.deps.cases.getCase(caseId);
    return north.deps.centres?.receiveTransfer({
      id: transferIdOf("north", caseId),
      from: { id: "north", name: NORTH.name },
      toCentre: "bexley",
      case: stored.case,
      contacts: stored.contacts,
      by: systemActor("crashed-attempt"),
    });
  };
  /** A referral into the north centre's mailbox, logged and acknowledged there. */
  const referral = async (messageId: string): Promise<Case> => {
    const before = new Set((await casesOf(north)).map((c) => c.id));
    await stack.sendFixture("eha-school-nurse.eml", (raw) =>
      raw.replace(/^Message-ID: .*$/m, `Message-ID: <${messageId}@school.example>`),
    );
    return eventually(async () => {
      await stack.service.syncNow();
      const fresh = (await casesOf(north)).filter((c) => !before.has(c.id));
      expect(fresh).toHaveLength(1);
      return fresh[0] as Case;
    }, 30_000);
  };

  it("opens one bexley case by its own framework, closes the north case as transferred, tells the referrer once", async () => {
    const kase = await referral("transfer-1");
    const stored = await north.deps.cases.getCase(kase.id);

    // The door: offered to a duty worker with the other centre as its choice, never to a practitioner.
    const dutyWorker = { actor: { kind: "staff" as const, id: "demo-duty-worker" }, roles: ["duty-worker" as const] };
    const offered = (await caseActions(north.deps, stored, dutyWorker)).find((a) => a.id === "transfer-to-centre");
    expect(offered?.inputs.find((i) => i.name === "centre")?.options).toEqual([
      { value: "bexley", label: "Bexley Family Wellbeing" },
    ]);
    const practitioner = { actor: { kind: "staff" as const, id: "p" }, roles: ["practitioner" as const] };
    expect((await caseActions(north.deps, stored, practitioner)).map((a) => a.id)).not.toContain("transfer-to-centre");

    const first = await clickTransfer(kase.id, stored.etag);
    expect(first.status).toBe(200);
    // A second click on the same page: answered with the transfer already on the log, nothing new written.
    const second = await clickTransfer(kase.id, stored.etag);
    expect(second.status).toBe(200);

    const [received, ...more] = await receivedFrom(kase.id);
    expect(more).toEqual([]);
    const sending = (await north.deps.cases.getCase(kase.id)).case;
    expect(sending.state).toBe("closed");
    const transferred = transferOf(sending);
    expect(transferred).toMatchObject({
      by: { kind: "staff", id: "demo-duty-worker" },
      why: "The family has moved to Bexley.",
      data: { toCentre: "bexley", toCentreName: BEXLEY.name, toCaseId: received?.id },
    });
    expect(sending.events.filter((e) => e.type === "case.transferred")).toHaveLength(1);
    expect(clocksNow(north.deps).running(sending)).toEqual([]);

    // The receiving case: Bexley's path and clocks, from when Bexley received it, by whom it was sent.
    expect(received).toMatchObject({ profileId: "bexley", state: "awaiting-consent", kind: kase.kind });
    expect(Date.parse(received?.openedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(kase.openedAt));
    const arrival = received?.events.find((e) => e.type === "case.received-by-transfer");
    expect(arrival).toMatchObject({
      by: { kind: "staff", id: "demo-duty-worker" },
      data: { fromCentre: "north", fromCentreName: NORTH.name, fromCaseId: kase.id },
    });
    const running = clocksNow(bexley.deps).running(received as Case);
    expect(running.map((d) => d.ruleId)).toContain("acknowledgement");
    expect(running.every((d) => d.startedAt === received?.openedAt)).toBe(true);

    // The referrer is told once, from Bexley's mailbox, in Bexley's transfer letter with every placeholder filled.
    const letters = (await bexley.deps.outbox.listForCase(received?.id ?? "")).filter((i) => i.channel === "email");
    expect(letters).toHaveLength(1);
    const told = await eventually(async () => {
      await stack.service.syncNow();
      const sent = (await stack.sentItems(BEXLEY.mailbox)).filter((m) => m.to.includes(REFERRER));
      expect(sent).toHaveLength(1);
      return sent[0];
    }, 30_000);
    expect(told?.subject).toBe(`Your referral has moved to ${BEXLEY.name} (${received?.id})`);
    expect(told?.body).toContain(`${NORTH.name} has passed your referral to ${BEXLEY.name}`);
    expect(told?.body).not.toMatch(/\{\{/);
    await stack.service.syncNow();
    expect((await stack.sentItems(BEXLEY.mailbox)).filter((m) => m.to.includes(REFERRER))).toHaveLength(1);
  }, 120_000);

  it("after a crash between the two writes, a retried click finds the case the first attempt opened", async () => {
    const kase = await referral("transfer-2");
    const stored = await north.deps.cases.getCase(kase.id);
    const half = await firstWriteOnly(kase.id);
    expect(half?.status).toBe("received");

    expect((await clickTransfer(kase.id, stored.etag)).status).toBe(200);
    const received = await receivedFrom(kase.id);
    expect(received.map((c) => c.id)).toEqual([half?.caseId]);
    expect(transferOf((await north.deps.cases.getCase(kase.id)).case)?.data.toCaseId).toBe(half?.caseId);
  }, 120_000);

  it("the nightly repair completes a transfer nobody retried, once", async () => {
    const kase = await referral("transfer-3");
    const half = await firstWriteOnly(kase.id);

    expect(await completeTransfers(north.deps)).toBe(1);
    expect(await completeTransfers(north.deps)).toBe(0);
    const sending = (await north.deps.cases.getCase(kase.id)).case;
    expect(sending.state).toBe("closed");
    expect(transferOf(sending)).toMatchObject({ by: { kind: "system" }, data: { toCaseId: half?.caseId } });
    expect((await receivedFrom(kase.id)).map((c) => c.id)).toEqual([half?.caseId]);
  }, 120_000);
});
