import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { graph, inbox, inboxHolds, MAILBOX, sendSmtp } from "./stand-in-client.js";

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0 });
});
afterAll(() => standIn.close());
beforeEach(() => graph(standIn, "POST", `${standIn.graphBaseUrl.replace("/v1.0", "")}/_standin/reset`, {}));

const mailboxMessages = (filter: string) =>
  `users/${MAILBOX}/messages?$filter=${encodeURIComponent(filter)}&$select=id`;

/** OData string literal: quoted, a quote inside doubled. */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

async function deliver(messageId: string, subject: string): Promise<void> {
  const before = standIn.mailbox.list("inbox").length;
  await sendSmtp(standIn, { from: "sam@school.example", to: MAILBOX, subject, text: "Please help.", messageId });
  await inboxHolds(standIn, before + 1);
}

describe("finding a message by its internetMessageId across the mailbox", () => {
  it("matches the Message-ID exactly, angle brackets and a doubled quote included", async () => {
    await deliver("<o'brien.1@school.example>", "Referral one");
    await deliver("<o'brien.2@school.example>", "Referral two");

    const answer = await graph(
      standIn,
      "GET",
      mailboxMessages(`internetMessageId eq ${literal("<o'brien.2@school.example>")}`),
    );

    expect(answer.status).toBe(200);
    expect(answer.json.value).toHaveLength(1);
    const [found] = answer.json.value ?? [];
    expect(Object.keys(found ?? {}).sort()).toEqual(["@odata.etag", "id"]);
    const stored = standIn.mailbox.list("inbox").find((m) => m.subject === "Referral two");
    expect(found?.id).toBe(stored?.id);
  });

  it("finds nothing without the angle brackets, or for a Message-ID the mailbox never received", async () => {
    await deliver("<plain.3@school.example>", "Referral three");

    for (const wanted of ["plain.3@school.example", "<other@school.example>"]) {
      const answer = await graph(standIn, "GET", mailboxMessages(`internetMessageId eq ${literal(wanted)}`));
      expect(answer.status).toBe(200);
      expect(answer.json.value).toEqual([]);
    }
  });

  it("looks in every folder, not just the Inbox", async () => {
    await deliver("<moved.4@school.example>", "Referral four");
    const [message] = standIn.mailbox.list("inbox");
    await graph(standIn, "DELETE", inbox(`/${message?.id ?? ""}`));

    const answer = await graph(standIn, "GET", mailboxMessages(`internetMessageId eq '<moved.4@school.example>'`));

    expect(answer.json.value?.map((m) => m.id)).toEqual([message?.id]);
  });

  it("answers 400 ErrorInvalidUrlQueryFilter for a filter it does not support on the mailbox's messages", async () => {
    const answer = await graph(standIn, "GET", mailboxMessages("internetMessageId ne '<a@b>'"));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: "ErrorInvalidUrlQueryFilter" } });
  });
});
