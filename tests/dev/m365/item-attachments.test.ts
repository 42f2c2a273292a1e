import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { graph, MAILBOX } from "./stand-in-client.js";

let standIn: StandIn;
beforeEach(async () => {
  standIn = await startStandIn({ smtpPort: 0, graphPort: 0 });
});
afterEach(() => standIn.close());

/** A delivery report from Exchange: the returned letter attached whole, as message/rfc822. */
const REPORT = [
  "From: postmaster@nhs.example",
  `To: ${MAILBOX}`,
  "Subject: Undeliverable: We have received your request",
  "MIME-Version: 1.0",
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
  "",
  "--b1",
  "Content-Type: text/plain",
  "",
  "Delivery has failed to these recipients.",
  "--b1",
  "Content-Type: message/delivery-status",
  "",
  "Action: failed",
  "Status: 5.1.1",
  "--b1",
  "Content-Type: message/rfc822",
  "",
  `From: ${MAILBOX}`,
  "To: referrer@nhs.example",
  "Subject: We have received your request",
  "X-FC-Outbox-Key: FC-2026-000001~acknowledgement~c1",
  "",
  "Thank you.",
  "--b1--",
  "",
].join("\r\n");

describe("a returned message attached to a delivery report", () => {
  it("is an item attachment with no content type, its MIME at /$value, its headers not under $expand", async () => {
    const id = await standIn.deliver(REPORT);
    const listed = await graph(standIn, "GET", `users/${MAILBOX}/messages/${id}/attachments?$select=id,contentType`);
    const [item] = listed.json.value ?? [];
    expect(item).toMatchObject({
      "@odata.type": "#microsoft.graph.itemAttachment",
      contentType: null,
      name: "We have received your request",
    });
    expect(item).not.toHaveProperty("contentBytes");

    const mime = await graph(standIn, "GET", `users/${MAILBOX}/messages/${id}/attachments/${item?.id}/$value`);
    expect(mime.headers.get("content-type")).toMatch(/^message\/rfc822/);
    expect(mime.text).toMatch(/^X-FC-Outbox-Key: FC-2026-000001~acknowledgement~c1\r?$/m);

    const expanded = await graph(
      standIn,
      "GET",
      `users/${MAILBOX}/messages/${id}/attachments/${item?.id}?$expand=microsoft.graph.itemattachment/item`,
    );
    expect(expanded.json.item).toMatchObject({ subject: "We have received your request" });
    expect(expanded.json.item).not.toHaveProperty("internetMessageHeaders");
  });
});
