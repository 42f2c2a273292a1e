import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { graph, inbox, inboxHolds, sendSmtp } from "./stand-in-client.js";

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0 });
});
afterAll(() => standIn.close());
beforeEach(() => graph(standIn, "POST", `${standIn.graphBaseUrl.replace("/v1.0", "")}/_standin/reset`, {}));

const form = {
  from: '"Early Help Desk" <earlyhelpdesk@council.example>',
  to: "familycentre@council.example",
  subject: "FW: Front Door contact",
  // The sender's own text alternative: Exchange keeps the HTML and never gives this back.
  text: "Front Door contact (see the HTML version)",
  html:
    "<p>Please see the form.</p><table><tr><td>Referrer Name</td><td>Gareth Lloyd</td></tr>" +
    '<tr><td>Referrer Email</td><td><a href="mailto:g.lloyd@probation.example">g.lloyd@probation.example</a></td></tr></table>',
};

async function deliveredId(): Promise<string> {
  await sendSmtp(standIn, form);
  await inboxHolds(standIn, 1);
  const [message] = (await graph(standIn, "GET", inbox())).json.value ?? [];
  return String(message?.id);
}

describe("issue 19 §3 the stand-in gives a message body as Exchange does", () => {
  it("keeps HTML as HTML (contentType html), a whole document with a UTF-8 meta tag, never the text alternative", async () => {
    const id = await deliveredId();
    const message = await graph(standIn, "GET", `users/familycentre@council.example/messages/${id}?$select=body`);
    const body = message.json.body as { contentType: string; content: string };
    expect(body.contentType).toBe("html");
    expect(body.content).toMatch(
      /^<html><head>\s*<meta http-equiv="Content-Type" content="text\/html; charset=utf-8">/,
    );
    expect(body.content).toContain("<td>Referrer Name</td><td>Gareth Lloyd</td>");
    expect(body.content).not.toContain("see the HTML version");
  });

  it('converts to text only when asked with Prefer: outlook.body-content-type="text", cells run together by tabs', async () => {
    const id = await deliveredId();
    const message = await graph(standIn, "GET", `users/familycentre@council.example/messages/${id}?$select=body`, {
      headers: { Prefer: 'IdType="ImmutableId", outlook.body-content-type="text"' },
    });
    expect(message.headers.get("preference-applied")).toContain('outlook.body-content-type="text"');
    expect(message.json.body).toEqual({
      contentType: "text",
      content: expect.stringContaining("Referrer Name\tGareth Lloyd\nReferrer Email\tg.lloyd@probation.example"),
    });
  });
});
