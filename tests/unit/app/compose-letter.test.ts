import { describe, expect, it } from "vitest";
import { composeLetter } from "../../../src/app/compose-letter.js";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { letterKey } from "../../../src/app/mail-keys.js";
import { queueOutcomeLetters } from "../../../src/app/record-decision.js";
import type { Case } from "../../../src/domain/case.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { memoryApp, saved } from "./memory-app.js";

const referrer = { name: "Priya Raman", email: "priya.raman@school.example", confirmed: true };

/** Screened to MAAM, then allocated at MAAM (3.1 "maam-allocate") to worker-7. */
const allocatedAtMaam = (): Case =>
  aCase()
    .receivedAt("2026-11-23T10:00:00.000Z")
    .referredBy(referrer)
    .screenedAs("maam", { at: "2026-11-24T10:00:00.000Z" })
    .decidedAtMaam("allocate", { at: "2026-12-01T11:00:00.000Z", workerId: "worker-7" })
    .build();

async function theMaamLetter(staffName?: string) {
  const deps = memoryApp("2026-12-01T12:00:00.000Z");
  if (staffName !== undefined) {
    await deps.staff.put("worker-7", {
      id: "worker-7",
      displayName: staffName,
      email: "w7@council.example",
      roles: [],
    });
  }
  const kase = allocatedAtMaam();
  await saved(deps, kase);
  const key = (await queueOutcomeLetters(deps, kase)).find((k) => k.includes("maam-outcome"));
  const item = await deps.outbox.get(kase.id, key ?? "");
  if (item === undefined) throw new Error("the MAAM decision queued no letter");
  return { deps, kase, item };
}

describe("rule 3.1: the MAAM outcome letter", () => {
  it("names the worker MAAM allocated the family to ({{workerName}})", async () => {
    const { deps, kase, item } = await theMaamLetter("Sam Okafor");
    const composed = await composeLetter(deps, await deps.cases.getCase(kase.id), item);
    expect(composed.ready && composed.letter.bodyText).toContain("Sam Okafor will be their worker");
  });

  it("is held for a duty worker, saying why, when the worker's name cannot be filled: never sent with a blank", async () => {
    const { deps, kase, item } = await theMaamLetter();
    const composed = await composeLetter(deps, await deps.cases.getCase(kase.id), item);
    expect(composed).toMatchObject({ ready: false });
    expect(!composed.ready && composed.reason).toContain(
      "the name of the worker the family is allocated to ({{workerName}})",
    );

    const round = await deliverOutbox(deps);

    expect(round).toMatchObject({ sent: 0, held: 1 });
    expect(await deps.outbox.get(kase.id, item.key)).toMatchObject({
      state: "held",
      failureReason: expect.stringContaining("{{workerName}}"),
    });
  });
});

describe("rule 1.2: the acknowledgement", () => {
  it("promises the screening outcome on a working day: received 24 Dec 2026, by Thursday 31 December", async () => {
    const deps = memoryApp("2026-12-24T10:05:00.000Z");
    const kase = aCase()
      .receivedAt("2026-12-24T10:00:00.000Z")
      .then({ type: "confirmReferrer", contactId: "FC-2026-000123-contact-1", referrer })
      .build();
    const contact = await saved(deps, kase);
    const key = letterKey(kase.id, "acknowledgement", contact.id);
    await deps.outbox.enqueue(
      {
        caseId: kase.id,
        key,
        channel: "email",
        purpose: "acknowledgement",
        payload: { letter: "acknowledgement", contactId: contact.id },
      },
      deps.clock.now(),
    );
    const item = await deps.outbox.get(kase.id, key);
    const composed = item && (await composeLetter(deps, await deps.cases.getCase(kase.id), item));
    expect(composed?.ready && composed.letter.bodyText).toContain(
      "We will email you the outcome of screening by Thursday 31 December 2026.",
    );
  });
});
