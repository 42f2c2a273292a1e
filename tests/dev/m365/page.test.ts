import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";

let standIn: StandIn;
let hostileId: string;
beforeAll(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0 });
  hostileId = await standIn.deliver(
    'Subject: <script>alert("subject")</script>\r\nFrom: "<img src=x onerror=alert(1)>" <evil@example.com>\r\n' +
      "Content-Type: text/html\r\n\r\n<p>Hello</p><script>alert('body')</script>",
  );
});
afterAll(() => standIn.close());

describe("the mailbox page", () => {
  it("lists the Inbox with every value escaped, so hostile mail cannot run script", async () => {
    const response = await fetch(standIn.pageUrl);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain("&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toMatch(/<script|<img/i);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("shows one message as escaped text", async () => {
    const html = await (await fetch(`${standIn.pageUrl}_standin/messages/${encodeURIComponent(hostileId)}`)).text();
    expect(html).toContain("Hello");
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;");
  });
});
