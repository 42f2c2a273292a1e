import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventually, runFc, startLocalStack, type LocalStack } from "../../support/local-stack.js";

/**
 * The mailbox front door end to end: mail sent over SMTP into the stand-in's group mailbox, Graph change
 * notifications to the running service, the inbox delta, Azurite, and the acknowledgement read back from
 * Sent Items through the stand-in's Graph API.
 */
describe("the mailbox front door, end to end", () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack(inject("azuriteConnectionString"), "EFrontDoor");
  });
  afterAll(() => stack.close());

  const sentTo = async (address: string) => (await stack.sentItems()).filter((m) => m.to.includes(address));
  const settle = async () => {
    await stack.standIn.notificationsSettled();
    await stack.service.syncNow();
  };

  it("rule 1.2: acknowledges an Early Help Assessment once, to its sender, in the same thread", async () => {
    await stack.sendFixture("eha-school-nurse.eml");

    const [ack] = await eventually(async () => {
      const sent = await sentTo("priya.raman@nhs.example");
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(ack?.subject).toMatch(/^We have received your request for support \(FC-\d{4}-\d{6}\)$/);
    expect(ack?.body).toMatch(/outcome of screening by \w+day \d{1,2} \w+ \d{4}/);
    const inbox = stack.standIn.mailbox.list("inbox");
    const original = inbox.find((m) => m.subject.startsWith("Early Help Assessment - JB"));
    expect(ack?.conversationId).toBe(original?.conversationId);
  });

  it("rule 1.2: acknowledges a forwarded Front Door form to the original referrer, never the Early Help Desk", async () => {
    await stack.sendFixture("front-door-plain-fields.eml");

    await eventually(async () => expect(await sentTo("claire.whitfield@greenbank.school.example")).toHaveLength(1));
    expect(await sentTo("earlyhelpdesk@council.example")).toEqual([]);
  });

  it.each([
    ["front-door-html-table.eml", "gareth.lloyd@probation.example"],
    ["front-door-portal-header-row.eml", "aisha.begum@northshire-police.example"],
    ["front-door-portal-four-column.eml", "m.kowalski@stannes.school.example"],
    ["front-door-definition-list.eml", "grace.mensah@nhs.example"],
    ["front-door-two-column-layout.eml", "dylan.hughes@youthservice.council.example"],
    ["front-door-nested-layout.eml", "fiona.grant@citizensadvice.example"],
  ])(
    "issue 19 §3: reads the referrer from a form laid out in HTML (%s) and acknowledges them",
    async (file, referrer) => {
      await stack.sendFixture(file);

      await eventually(async () => expect(await sentTo(referrer)).toHaveLength(1));
      expect(await sentTo("earlyhelpdesk@council.example")).toEqual([]);
    },
  );

  it("rule 1.2: sends nothing for a DART, an out-of-office or a bounce", async () => {
    const before = (await stack.sentItems()).length;
    await stack.sendFixture("dart-police-notification.eml");
    await stack.sendFixture("ooo-german.eml");
    await stack.sendFixture("ndr-postfix-mailer-daemon.eml");
    await settle();
    await settle();

    expect((await stack.sentItems()).length).toBe(before);
    const dart = await stack.service.store.worklists.list("awaiting-screening");
    expect(dart.items.some((i) => i.kind === "dart")).toBe(true);
  });

  it("rule 1.3: logs a message notified three times once, and acknowledges it once", async () => {
    stack.standIn.faults.set({ duplicateNotifications: 1 });
    try {
      await stack.sendFixture("rfs-gp-surgery.eml");
      await eventually(async () => expect(await sentTo("tomasz.nowak@nhs.example")).toHaveLength(1));
      await settle();
      await stack.service.syncNow();
    } finally {
      stack.standIn.faults.set({ duplicateNotifications: 0 });
    }
    expect(await sentTo("tomasz.nowak@nhs.example")).toHaveLength(1);
  });

  it("rule 1.3: attaches a reply quoting the case reference to its case, with no new acknowledgement", async () => {
    await stack.sendFixture("rfs-housing-officer.eml");
    const [ack] = await eventually(async () => {
      const sent = await sentTo("leanne.fox@housing.council.example");
      expect(sent).toHaveLength(1);
      return sent;
    });
    const caseId = /FC-\d{4}-\d{6}/.exec(ack?.subject ?? "")?.[0] ?? "";

    await stack.sendFixture("reply-case-reference.eml", (raw) =>
      raw
        .replaceAll("FC-2026-000123", caseId)
        .replaceAll("priya.raman@nhs.example", "leanne.fox@housing.council.example"),
    );
    await eventually(async () => {
      const stored = await stack.service.store.cases.getCase(caseId);
      expect(stored.contacts.filter((c) => c.isFollowUp)).toHaveLength(1);
    });
    await settle();
    expect(await sentTo("leanne.fox@housing.council.example")).toHaveLength(1);
  });

  it("keeps every contact once under throttling and dropped notifications, caught by the safety-net delta", async () => {
    stack.standIn.faults.set({
      throttle: { status: 429, probability: 0.3, retryAfterSeconds: 0 },
      dropNotifications: 1,
    });
    try {
      await stack.sendFixture("eha-health-visitor-docx.eml");
      await stack.sendFixture("windows-1252-eha.eml");
      await stack.sendFixture("rfs-admin-sends-for-colleague.eml");
      await eventually(async () => {
        await stack.service.syncNow(); // the periodic safety-net round
        for (const referrer of ["hannah.okafor@nhs.example", "sinead.oconnor@slt.nhs.example"]) {
          expect(await sentTo(referrer)).toHaveLength(1);
        }
      }, 30_000);
    } finally {
      stack.standIn.faults.set({ throttle: null, dropNotifications: 0 });
    }
    await settle();
    const subjects = (await stack.sentItems()).map((m) => `${m.to.join()}|${m.subject}`);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it("rule 1.2: holds the acknowledgement of an unclear Front Door form until a duty worker confirms the referrer", async () => {
    await stack.sendFixture("front-door-ambiguous-no-referrer.eml");
    const fc = (...args: string[]) => runFc(args, stack.cliEnv);
    const held = await eventually(async () => {
      const lines = (await fc("triage")).stdout.trim().split("\n").filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      return JSON.parse(lines.at(-1) ?? "{}") as { case: string; contact: string };
    });
    await settle();
    expect(await sentTo("jo.confirmed@school.example")).toEqual([]);

    const confirmed = await fc(
      "confirm-referrer",
      "--case",
      held.case,
      "--contact",
      held.contact,
      "--email",
      "jo.confirmed@school.example",
      "--name",
      "Jo Confirmed",
      "--by",
      "duty-worker-1",
    );
    expect(JSON.parse(confirmed.stdout)).toEqual({
      case: held.case,
      contact: held.contact,
      acknowledgementReleased: true,
    });
    await eventually(async () => {
      await stack.service.syncNow();
      expect(await sentTo("jo.confirmed@school.example")).toHaveLength(1);
    });
    const events = (await stack.service.store.cases.getCase(held.case)).case.events;
    expect(events.find((e) => e.type === "referrer.confirmed")?.by).toEqual({ kind: "staff", id: "duty-worker-1" });
  });

  it("writes no names, addresses or message text to its logs", () => {
    const logs = stack.logLines.join("\n");
    for (const personal of [
      "Priya",
      "Raman",
      "priya.raman",
      "Claire Whitfield",
      "greenbank",
      "Oakfield",
      "JB (Year 2",
    ]) {
      expect(logs).not.toContain(personal);
    }
    expect(stack.logLines.length).toBeGreaterThan(10);
  });
});
