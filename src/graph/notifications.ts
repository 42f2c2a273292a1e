import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Pure helpers for the notification endpoints. Graph delivers at least once and unordered, and anyone can POST
 * to a public URL: a notification is only a hint to run the inbox delta, and one without our clientState is
 * dropped and never trusted.
 */

export interface MessageCreated {
  readonly subscriptionId: string;
  readonly messageId: string;
}

export interface ChangeNotifications {
  readonly accepted: readonly MessageCreated[];
  /** Items dropped: wrong or missing clientState, or not a message notification. */
  readonly rejected: number;
}

export type LifecycleEvent = "subscriptionRemoved" | "missed" | "reauthorizationRequired";

export interface LifecycleNotifications {
  readonly accepted: ReadonlyArray<{ readonly subscriptionId: string; readonly lifecycleEvent: LifecycleEvent }>;
  readonly rejected: number;
}

const LIFECYCLE_EVENTS: ReadonlySet<string> = new Set(["subscriptionRemoved", "missed", "reauthorizationRequired"]);

type Item = Readonly<Record<string, unknown>>;

const items = (body: unknown): Item[] => {
  const value = (body as { value?: unknown } | null | undefined)?.value;
  return Array.isArray(value) ? value.filter((item): item is Item => typeof item === "object" && item !== null) : [];
};

/** Compared in constant time (hashes make the lengths equal) so the secret cannot be guessed byte by byte. */
export const sameClientState = (received: unknown, expected: string): boolean =>
  typeof received === "string" &&
  expected.length > 0 &&
  timingSafeEqual(createHash("sha256").update(received).digest(), createHash("sha256").update(expected).digest());

const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);

/** The message id from `resourceData.id`, or from a resource such as `Users/{user}/Messages/{id}`. */
const messageIdOf = (item: Item): string | undefined => {
  const data = item["resourceData"] as Item | undefined;
  return text(data?.["id"]) ?? text(item["resource"])?.match(/\/messages\/([^/]+)$/i)?.[1];
};

export const parseChangeNotifications = (body: unknown, expectedClientState: string): ChangeNotifications => {
  const accepted: MessageCreated[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  for (const item of items(body)) {
    const subscriptionId = text(item["subscriptionId"]);
    const messageId = messageIdOf(item);
    if (!sameClientState(item["clientState"], expectedClientState) || !subscriptionId || !messageId) {
      rejected++;
      continue;
    }
    const key = `${subscriptionId}\n${messageId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    accepted.push({ subscriptionId, messageId });
  }
  return { accepted, rejected };
};

export const parseLifecycleNotifications = (body: unknown, expectedClientState: string): LifecycleNotifications => {
  const accepted: Array<{ subscriptionId: string; lifecycleEvent: LifecycleEvent }> = [];
  let rejected = 0;
  for (const item of items(body)) {
    const subscriptionId = text(item["subscriptionId"]);
    const lifecycleEvent = text(item["lifecycleEvent"]);
    if (
      !sameClientState(item["clientState"], expectedClientState) ||
      !subscriptionId ||
      !lifecycleEvent ||
      !LIFECYCLE_EVENTS.has(lifecycleEvent)
    ) {
      rejected++;
      continue;
    }
    accepted.push({ subscriptionId, lifecycleEvent: lifecycleEvent as LifecycleEvent });
  }
  return { accepted, rejected };
};

export interface ValidationResponse {
  readonly status: 200 | 400;
  readonly contentType: "text/plain";
  readonly body: string;
}

/**
 * What Graph's validation tokens look like ("Validation: Testing client application reachability for subscription
 * Request-Id: <guid>"): short plain text. Anything else is not echoed, so the endpoint never reflects what a caller
 * chose (markup, a script, a long body) back as a response.
 */
const VALIDATION_TOKEN = /^[A-Za-z0-9 :._-]{1,256}$/;

/**
 * The subscription handshake: Graph POSTs `?validationToken=…` and wants it back as 200 text/plain within 10 s; a
 * token not shaped like Graph's is answered 400 and not echoed. `undefined` when the request is not a validation
 * request (it is a notification then).
 */
export const validationResponse = (query: Readonly<Record<string, unknown>>): ValidationResponse | undefined => {
  const token = query["validationToken"];
  if (token === undefined || token === "") return undefined;
  if (typeof token !== "string" || !VALIDATION_TOKEN.test(token)) {
    return { status: 400, contentType: "text/plain", body: "Not a validation token." };
  }
  return { status: 200, contentType: "text/plain", body: token };
};
