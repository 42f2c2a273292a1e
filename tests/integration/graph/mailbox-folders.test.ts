import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/m365/stand-in.js";
import { systemClock } from "../../../src/compose/system-clock.js";
import { createGraphClient } from "../../../src/graph/graph-client.js";
import { GraphMailbox } from "../../../src/graph/graph-mailbox.js";
import { MailboxNotReadableError } from "../../../src/ports/mailbox.js";

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

const client = () =>
  createGraphClient({ baseUrl: standIn.graphBaseUrl, credential: { staticToken: "local-token" }, clock: systemClock });
const mailbox = () => new GraphMailbox(client(), { mailbox: MAILBOX });

describe("the kind of mailbox", () => {
  it("accepts a mailbox Graph serves as users/{address} (a user or shared mailbox)", async () => {
    await expect(mailbox().verifyReadable()).resolves.toBeUndefined();
  });

  it("refuses a Microsoft 365 Group's address, saying to use a shared mailbox", async () => {
    const group = new GraphMailbox(client(), { mailbox: "familycentre-group@council.example" });
    const check = group.verifyReadable();
    await expect(check).rejects.toBeInstanceOf(MailboxNotReadableError);
    await expect(check).rejects.toThrow(/Microsoft 365 Group[\s\S]*shared mailbox[\s\S]*FC_MAILBOX/);
  });
});
