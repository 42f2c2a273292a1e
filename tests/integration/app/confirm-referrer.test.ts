import { afterEach, describe, expect, it } from "vitest";
import { confirmReferrer } from "../../../src/app/confirm-referrer.js";
import { deliverOutbox } from "../../../src/app/deliver-outbox.js";
import { recordScreeningDecision } from "../../../src/app/record-decision.js";
import { syncInbox } from "../../../src/app/sync-inbox.js";
import { startAppHarness, type AppHarness } from "../../support/app-harness.js";
import { allCases, recipientsOf, staffActor } from "./app-assertions.js";

let harness: AppHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("rule 2.2 when nobody has yet confirmed who referred", () => {
  it("holds the outcome letter of an ambiguous Front Door form and sends it once the duty worker confirms the referrer", async () => {
    const h = (harness = await startAppHarness({ now: "2026-01-15T13:44:01Z" }));
    await h.deliverFixture("front-door-ambiguous-no-referrer.eml");
    await syncInbox(h.deps, "test");
    await deliverOutbox(h.deps);
    const [stored] = await allCases(h);
    const caseId = stored?.case.id ?? "";
    const contactId = stored?.contacts[0]?.id ?? "";

    h.clock.set("2026-01-16T10:30:00Z");
    await recordScreeningDecision(h.deps, caseId, staffActor("duty-worker"), { outcome: "maam" });
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, held: 1 });

    h.clock.set("2026-01-16T11:00:00Z");
    const confirmed = await confirmReferrer(h.deps, caseId, contactId, staffActor("duty-worker"), {
      name: "Dana Whitlock",
      email: "dana.whitlock@riverside.school.example",
    });
    expect(confirmed).toMatchObject({ acknowledgementReleased: true, outcomeLettersReleased: 1 });
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 2 });
    const subjects = (await h.sentItems()).map((m) => m.subject).sort();
    expect(subjects).toEqual([
      `Screening outcome for ${caseId}: Multi Agency Action Meeting`,
      `We have received your request for support (${caseId})`,
    ]);
    expect((await h.sentItems()).map(recipientsOf)).toEqual([
      ["dana.whitlock@riverside.school.example"],
      ["dana.whitlock@riverside.school.example"],
    ]);
  });
});
