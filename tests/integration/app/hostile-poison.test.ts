import { afterEach, describe, expect, it } from "vitest";
import type { AppDeps } from "../../../src/app/app-deps.js";
import { POISON_ATTEMPTS, syncInbox } from "../../../src/app/sync-inbox.js";
import type { CaseRepository } from "../../../src/ports/cases.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

class StoreDown extends Error {
  readonly code = "STORE.UNAVAILABLE";
}

/** Case writes fail for a contact with this kind of subject, `times` times (Infinity: always). */
function failingCases(cases: CaseRepository, times: number): CaseRepository {
  let failures = 0;
  const create: CaseRepository["create"] = async (kase, events, contacts) => {
    if (contacts.some((c) => c.subject?.includes("Elm Court") === true) && failures < times) {
      failures++;
      throw new StoreDown("Azure Table Storage is unavailable");
    }
    return cases.create(kase, events, contacts);
  };
  // Every other method is the repository's own, called on it (it keeps private state).
  return new Proxy(cases, {
    get(target, property) {
      if (property === "create") return create;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function twoMessages(times: number) {
  const h = (harness = await startAppHarness());
  const cases = failingCases(h.deps.cases, times);
  const deps: AppDeps = { ...h.deps, cases };
  const poison = await h.deliverFixture("rfs-gp-surgery.eml"); // "Request for support - family at Elm Court"
  const healthy = await h.deliverFixture("eha-school-nurse.eml");
  return { h, deps, poison, healthy, cases };
}

describe("poison messages: one message that fails never holds up the inbox", () => {
  it("handles the other messages of the round, keeps the delta link, and logs the failed one next round", async () => {
    const { h, deps, poison, healthy } = await twoMessages(1);
    const first = await syncInbox(deps, "test");
    expect(first).toMatchObject({ ran: true, logged: 1, failed: 1, quarantined: 0 });
    expect(await h.deps.messages.find(healthy)).toMatchObject({ state: "logged" });
    expect(await h.deps.messages.find(poison)).toMatchObject({ state: "claimed", failedAttempts: 1 });
    expect(await h.deps.sync.get("inbox")).toBeUndefined();

    const second = await syncInbox(deps, "test");
    expect(second).toMatchObject({ logged: 1, alreadyHandled: 1, failed: 0 });
    expect(await h.deps.messages.find(poison)).toMatchObject({ state: "logged" });
    expect(await h.deps.sync.get("inbox")).toBeDefined();
  });

  it(`quarantines a message that fails ${POISON_ATTEMPTS} rounds running, tells the duty chat, and moves on`, async () => {
    const { h, deps, poison, healthy } = await twoMessages(Infinity);
    for (let round = 1; round < POISON_ATTEMPTS; round++) {
      expect(await syncInbox(deps, "test")).toMatchObject({ failed: 1, quarantined: 0 });
      expect(await h.deps.sync.get("inbox")).toBeUndefined();
    }
    expect(await syncInbox(deps, "test")).toMatchObject({ failed: 0, quarantined: 1, alreadyHandled: 1 });
    expect(await h.deps.messages.find(poison)).toMatchObject({
      state: "quarantined",
      reason: "STORE.UNAVAILABLE",
      failedAttempts: POISON_ATTEMPTS,
    });
    expect(await h.deps.messages.find(healthy)).toMatchObject({ state: "logged" });
    expect(await h.deps.outbox.get("intake", `quarantine~${poison}`)).toMatchObject({
      channel: "teams",
      purpose: "quarantine",
      state: "pending",
      payload: { conversation: "duty", messageId: poison, reason: "STORE.UNAVAILABLE", attempts: POISON_ATTEMPTS },
    });

    const later = await h.deliverFixture("dart-police-notification.eml");
    expect(await syncInbox(deps, "test")).toMatchObject({ logged: 1, failed: 0, quarantined: 0 });
    expect(await h.deps.messages.find(later)).toMatchObject({ state: "logged" });
    expect(await h.deps.messages.find(poison)).toMatchObject({ state: "quarantined" });
    const logged = h.logLines.join("\n");
    expect(logged).toContain("intake.quarantined");
    expect(logged).not.toMatch(/Elm Court|nhs\.example|Table Storage is unavailable/);
  });
});
