import { createHash } from "node:crypto";
import { GraphError } from "./errors.js";
import { sameAddress } from "./message.js";
import type { MailboxIdentity, ServedMailbox } from "./served-mailbox.js";
import { inboxResource, subscriptionNotFound, type Subscription } from "./subscriptions.js";

/** The first mailbox keeps `firstUserId`; each other gets a user id derived from its address, the same every run. */
export function mailboxIdentities(
  mailboxes: readonly { readonly address: string; readonly displayName: string }[],
  firstUserId: string,
): [MailboxIdentity, ...MailboxIdentity[]] {
  const addresses = mailboxes.map((m) => m.address.toLowerCase());
  if (new Set(addresses).size !== addresses.length) throw new Error("The stand-in's mailboxes must differ.");
  const [first, ...others] = mailboxes;
  if (!first) throw new Error("The stand-in needs at least one mailbox.");
  return [{ ...first, userId: firstUserId }, ...others.map((m) => ({ ...m, userId: derivedUserId(m.address) }))];
}

/** A name-based (version 5 shaped) UUID: stable, so a service that stored it finds the mailbox after a restart. */
function derivedUserId(address: string): string {
  const hex = createHash("sha256").update(address.toLowerCase()).digest("hex");
  const variant = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The mailboxes the stand-in serves, found as Graph finds them: by address (any case) or user id. */
export class Mailboxes {
  constructor(readonly all: readonly [ServedMailbox, ...ServedMailbox[]]) {}

  get first(): ServedMailbox {
    return this.all[0];
  }

  find(user: string): ServedMailbox | undefined {
    return this.all.find((m) => m.answersTo(user));
  }

  /** The mailbox a `users/{id}` segment names, or Graph's answer for a user it does not know. */
  get(user: string): ServedMailbox {
    const mailbox = this.find(user);
    if (!mailbox) throw new GraphError(404, "ErrorInvalidUser", `The requested user '${user}' is invalid.`);
    return mailbox;
  }

  byAddress(address: string): ServedMailbox | undefined {
    return this.all.find((m) => sameAddress(m.address, address));
  }

  /** The mailbox a request path (`/users/{id}/…`, below `/v1.0`) is for; none for `/subscriptions` or `$batch`. */
  inPath(path: string): ServedMailbox | undefined {
    const user = /^\/users\/([^/]+)/i.exec(path)?.[1];
    return user === undefined ? undefined : this.find(safeDecode(user));
  }

  /**
   * Where a new subscription belongs: the mailbox its resource names. Any other resource goes to the first mailbox,
   * whose subscriptions refuse it as they always have.
   */
  forResource(resource: unknown): ServedMailbox {
    const user = typeof resource === "string" ? inboxResource(resource)?.user : undefined;
    return (user === undefined ? undefined : this.find(user)) ?? this.first;
  }

  /** The mailbox holding a live subscription, or Graph's 404 for it. */
  holdingSubscription(id: string): ServedMailbox {
    const mailbox = this.all.find((m) => m.subscriptions.find(id) !== undefined);
    if (!mailbox) throw subscriptionNotFound(id);
    return mailbox;
  }

  subscriptions(): Subscription[] {
    return this.all.flatMap((m) => m.subscriptions.list());
  }

  /** The served mailboxes among an envelope's recipients, each once; mail for none of them goes to the first. */
  forRecipients(recipients: readonly string[]): ServedMailbox[] {
    const served = this.all.filter((m) => recipients.some((r) => sameAddress(r, m.address)));
    return served.length > 0 ? served : [this.first];
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
