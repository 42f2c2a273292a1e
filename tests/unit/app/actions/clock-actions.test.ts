import { describe, expect, it } from "vitest";
import { actionsStopping, clockStoppingActions } from "../../../../src/app/actions/clock-actions.js";
import { caseActions } from "../../../../src/app/actions/available-actions.js";
import { aCase } from "../../../../dev/builders/case-builder.js";
import { loadProfile } from "../../../../src/policy/profiles/index.js";
import { memoryApp } from "../memory-app.js";

const practitioner = {
  actor: { kind: "staff" as const, id: "w-jo", displayName: "Jo" },
  roles: ["practitioner" as const],
};

describe("issue 17 §6 the action that stops a clock, from the actions' rules served", () => {
  it("maps each clock rule to the actions whose events stop it, never to one that only starts or reports it", async () => {
    const deps = memoryApp("2026-03-05T10:00:00Z");
    const kase = aCase().receivedAt("2026-03-02T09:00:00Z").allocatedOn("2026-03-02T12:00:00Z", "w-jo").build();
    const stored = { case: kase, contacts: [], etag: "e" };
    const actions = await caseActions(deps, stored, practitioner);
    expect(actionsStopping(deps.profile, actions, "4.1a").map((a) => a.id)).toEqual(["record-initial-contact"]);
    // 10.1 is met by each event's own recording: no action taken now stops it.
    expect(actionsStopping(deps.profile, actions, "10.1")).toEqual([]);
    // A rule the service meets (the acknowledgement letter) has no action on a card.
    expect(actionsStopping(deps.profile, actions, "1.2")).toEqual([]);
    const byRule = await clockStoppingActions(deps, stored, practitioner, ["4.1a", "1.2"]);
    expect([...byRule.keys()]).toEqual(["4.1a"]);
  });

  it("offers only what this person may do now: a practitioner is not offered a manager's sign-off", async () => {
    const deps = memoryApp("2026-03-05T10:00:00Z");
    const kase = aCase().receivedAt("2026-03-02T09:00:00Z").allocatedOn("2026-03-02T12:00:00Z", "w-jo").build();
    const actions = await caseActions(deps, { case: kase, contacts: [], etag: "e" }, practitioner);
    expect(actionsStopping(loadProfile("family-solutions"), actions, "8.1")).toEqual([]);
  });
});
