import { createHash, randomBytes } from "node:crypto";

/** Graph writes instants in UTC with `Z` and without milliseconds. */
export function graphInstant(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A small seeded PRNG (mulberry32): fault decisions repeat exactly for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Issues ids shaped like Graph's. Each stand-in instance draws a random nonce so that a restarted stand-in
 * never re-issues an id the service already recorded in a persistent Azurite (its idempotency table keys on them).
 */
export class IdIssuer {
  private readonly nonce = randomBytes(6);
  private counter = 0;

  /** An immutable message id: url-safe base64, with the fixed mailbox prefix real immutable ids share. */
  messageId(): string {
    return `AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A${this.next(30)}`;
  }

  conversationId(): string {
    return `AAQkADAwATM0MDAAMS1iNjM5LTJhZmQtMDACLTAwCgAQA${this.next(12)}`;
  }

  changeKey(): string {
    return `CQAAABYAAAD${this.next(12)}`;
  }

  /** An opaque token for delta links, subscriptions and attachments. */
  token(): string {
    return this.next(24);
  }

  private next(length: number): string {
    this.counter += 1;
    return createHash("sha256").update(this.nonce).update(String(this.counter)).digest("base64url").slice(0, length);
  }
}
