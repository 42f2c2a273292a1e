import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailLookupResponse, SetAsideMailResponse } from "../../../src/api/contract.js";
import { logInboundMessage } from "../../../src/app/log-inbound-message.js";
import { startApiHarness, type ApiHarness } from "./api-harness.js";

const NOW = "2026-01-12T09:41:17Z"; // the fixtures' own Monday
let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness({ now: NOW });
}, 60_000);
afterAll(() => api.close());

const lookup = async (staffId: string, internetMessageId: string) => {
  const response = await api.call(
    staffId,
    `/api/mail/lookup?internetMessageId=${encodeURIComponent(internetMessageId)}`,
  );
  return { status: response.status, body: (await response.json()) as MailLookupResponse };
};

/** A fixture delivered with a Message-ID of our choosing, as Outlook's `internetMessageId` would show it. */
async function deliverAs(fixture: string, internetMessageId: string): Promise<string> {
  return api.app.deliverFixture(fixture, (raw) => raw.replace(/^Message-ID: .*$/m, `Message-ID: ${internetMessageId}`));
}

describe("the Outlook pane looks an email up by its Message-ID", () => {
  it("finds the mailbox's copy, says it is not logged yet, and gives the id to log it with", async () => {
    const internetMessageId = "<o'neill.eha.1@nhs.example>";
    const messageId = await deliverAs("eha-health-visitor-docx.eml", internetMessageId);

    const before = await lookup("duty-1", internetMessageId);

    expect(before).toEqual({ status: 200, body: { logged: false, messageId } });
  });

  it("shows the case and its clocks once the inbox round has logged it", async () => {
    const internetMessageId = "<eha.2+school/nurse@nhs.example>";
    const messageId = await deliverAs("eha-school-nurse.eml", internetMessageId);
    await logInboundMessage(api.app.deps, await api.app.deps.mailbox.getMessage(messageId));

    const { status, body } = await lookup("duty-1", internetMessageId);

    expect(status).toBe(200);
    expect(body).toMatchObject({ logged: true, state: "logged", messageId, case: { state: "awaiting-screening" } });
    expect(body.case?.clocks.map((c) => c.ruleId)).toContain("1.2");

    // Need to know: a practitioner who does not lead the case learns the email was logged, not which case.
    const { status: other, body: unallocated } = await lookup("worker-1", internetMessageId);
    expect(other).toBe(200);
    expect(unallocated).toMatchObject({ logged: true, state: "logged", messageId });
    expect(unallocated.case).toBeUndefined();
    expect(JSON.stringify(unallocated)).not.toMatch(/FC-\d{4}-\d{6}/);
  });

  it("says what the service did with an email it did not log (a mailing list), with the reason", async () => {
    const internetMessageId = "<newsletter.3@lists.example>";
    const messageId = await deliverAs("newsletter-mailing-list.eml", internetMessageId);
    await logInboundMessage(api.app.deps, await api.app.deps.mailbox.getMessage(messageId));

    const { body } = await lookup("duty-1", internetMessageId);

    expect(body).toMatchObject({ logged: false, state: "ignored", messageId });
    expect(body.reason).toEqual(expect.any(String));
  });

  it("says the mailbox has not received an email it does not hold, with no id to log it by", async () => {
    expect(await lookup("duty-1", "<never-arrived@school.example>")).toEqual({ status: 200, body: { logged: false } });
  });

  it("refuses a lookup that names no message, saying which to give", async () => {
    const response = await api.call("duty-1", "/api/mail/lookup");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("internetMessageId");
  });
});

describe("the Outlook pane links an email the inbox round has not reached", () => {
  it("logs it once, then moves its contact to the case named", async () => {
    const target = await deliverAs("eha-school-dsl-attachment-only.eml", "<target.4@school.example>");
    const logged = await logInboundMessage(api.app.deps, await api.app.deps.mailbox.getMessage(target));
    if (logged.outcome !== "logged") throw new Error(`the target email was ${logged.outcome}`);
    const messageId = await deliverAs("eha-health-visitor-docx.eml", "<link.5@nhs.example>");

    const response = await api.call("duty-1", "/api/mail/link", {
      method: "POST",
      body: JSON.stringify({ messageId, caseId: logged.caseId }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ logged: true, case: { caseId: logged.caseId } });
    expect((await api.app.deps.messages.find(messageId))?.state).toBe("logged");
  });
});

/** An email the service set aside (a mailing list's newsletter), delivered with its own Message-ID. */
async function ignoredNewsletter(internetMessageId: string): Promise<string> {
  const messageId = await deliverAs("newsletter-mailing-list.eml", internetMessageId);
  const result = await logInboundMessage(api.app.deps, await api.app.deps.mailbox.getMessage(messageId));
  expect(result).toMatchObject({ outcome: "ignored" });
  return messageId;
}

const post = (path: string, body: unknown, staffId = "duty-1") =>
  api.call(staffId, path, { method: "POST", body: JSON.stringify(body) });

describe("issue 19 §5 nothing is lost from sight: ignored and quarantined mail", () => {
  it("lists what was set aside with its reason, when it came and the sender's domain only", async () => {
    const messageId = await ignoredNewsletter("<newsletter.7@lists.example>");

    const response = await api.call("duty-1", "/api/mail/set-aside");

    expect(response.status).toBe(200);
    const text = await response.text();
    const { items } = JSON.parse(text) as SetAsideMailResponse;
    expect(items.find((i) => i.messageId === messageId)).toEqual({
      messageId,
      state: "ignored",
      reason: "mailing-list",
      reasonLabel: "Mailing-list mail",
      receivedAt: expect.any(String),
      senderDomain: "safeguarding-partnership.example",
    });
    expect(text).not.toMatch(/@|Safeguarding Partnership Newsletter/);
    expect((await api.call("worker-1", "/api/mail/set-aside")).status).toBe(403);
  });

  it("a duty worker logs one as a contact: recorded under their name, held until they confirm a referrer", async () => {
    const messageId = await ignoredNewsletter("<newsletter.6@lists.example>");

    const response = await post("/api/mail/log", { messageId });

    expect(response.status).toBe(200);
    const body = (await response.json()) as MailLookupResponse;
    expect(body).toMatchObject({ logged: true, state: "logged", case: { kind: "other" } });
    const stored = await api.app.deps.cases.getCase(body.case?.caseId ?? "");
    const rescued = stored.case.events.find((e) => e.type === "contact.rescued");
    expect(rescued).toMatchObject({
      by: { kind: "staff", id: "duty-1" },
      data: { messageId, setAsideAs: "ignored", reason: "mailing-list" },
    });
    expect(stored.contacts[0]?.referrer?.confirmed).toBe(false);
    const list = (await (await api.call("duty-1", "/api/mail/set-aside")).json()) as SetAsideMailResponse;
    expect(list.items.map((i) => i.messageId)).not.toContain(messageId);

    const again = await post("/api/mail/log", { messageId });
    expect(await again.json()).toMatchObject({ logged: true, case: { caseId: body.case?.caseId } });
  });

  it("a duty worker attaches one to a case as a follow-up, recorded under their name", async () => {
    const target = await deliverAs("rfs-housing-officer.eml", "<target.8@housing.example>");
    const logged = await logInboundMessage(api.app.deps, await api.app.deps.mailbox.getMessage(target));
    if (logged.outcome !== "logged") throw new Error(`the target email was ${logged.outcome}`);
    const messageId = await ignoredNewsletter("<newsletter.9@lists.example>");

    const response = await post("/api/mail/link", { messageId, caseId: logged.caseId });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ logged: true, case: { caseId: logged.caseId } });
    const stored = await api.app.deps.cases.getCase(logged.caseId);
    expect(stored.contacts.find((c) => c.messageId === messageId)).toMatchObject({ isFollowUp: true });
    expect(stored.case.events.filter((e) => e.type === "contact.rescued")).toEqual([
      expect.objectContaining({
        by: expect.objectContaining({ id: "duty-1" }),
        data: expect.objectContaining({ messageId }),
      }),
    ]);
  });
});
