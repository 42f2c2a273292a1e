import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailLookupResponse } from "../../../src/api/contract.js";
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

  it("refuses to seem to log an email the service set aside, saying why and who can", async () => {
    const internetMessageId = "<newsletter.6@lists.example>";
    const messageId = await deliverAs("newsletter-mailing-list.eml", internetMessageId);
    await logInboundMessage(api.app.deps, await api.app.deps.mailbox.getMessage(messageId));

    const response = await api.call("duty-1", "/api/mail/log", { method: "POST", body: JSON.stringify({ messageId }) });

    expect(response.status).toBe(409);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("MAIL.SET_ASIDE");
    expect(error.message).toContain("ask an administrator");
    expect((await api.app.deps.messages.find(messageId))?.state).toBe("ignored");
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
