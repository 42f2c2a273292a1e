import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StandIn } from "../../dev/m365/stand-in.js";
import { FIXTURES } from "./local-stack.js";

const EHA = readFileSync(join(FIXTURES, "eha-school-nurse.eml"), "utf8");

/** An Early Help Assessment from its own school nurse (`tag`), so each is its own contact with its own referrer. */
export const referralFrom = (tag: string): string =>
  EHA.replace(/^Message-ID: <[^>]+>/m, `Message-ID: <${tag}@nhs.example>`).replaceAll(
    "priya.raman@nhs.example",
    `nurse.${tag}@nhs.example`,
  );

/** The acknowledgements in one mailbox's Sent Items, by the referrer each went to. */
export const acknowledgedIn = (standIn: StandIn, mailbox: string): string[] =>
  standIn
    .mailboxFor(mailbox)
    .list("sentitems")
    .filter((m) => m.subject.startsWith("We have received"))
    .flatMap((m) => m.toRecipients.map((r) => r.emailAddress.address));
