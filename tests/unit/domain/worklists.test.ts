import { describe, expect, it } from "vitest";
import type { WorklistCase } from "../../../src/domain/worklists.js";
import { worklistsFor } from "../../../src/domain/worklists.js";

const confirmed = { organisation: "Example Primary School", confirmed: true };

describe("which queues a case is on", () => {
  it("puts a contact awaiting screening on the daily screening agenda (rule 2.1)", () => {
    expect(worklistsFor({ state: "awaiting-screening", referrer: confirmed })).toEqual(["awaiting-screening"]);
  });

  it("keeps it on triage while the duty worker has still to confirm the original referrer (rule 1.2)", () => {
    const kase: WorklistCase = { state: "awaiting-screening", referrer: { ...confirmed, confirmed: false } };
    expect(worklistsFor(kase)).toEqual(["triage", "awaiting-screening"]);
  });

  it("puts a case waiting for a worker on the Pre-Allocation List (rule 3.2)", () => {
    expect(worklistsFor({ state: "pre-allocation" })).toEqual(["pre-allocation"]);
  });

  it("puts an allocated case on its lead's and wraparound worker's lists", () => {
    const kase: WorklistCase = { state: "wraparound", leadWorkerId: "w1", wraparoundWorkerId: "w2" };
    expect(worklistsFor(kase)).toEqual(["worker~w1", "worker~w2"]);
  });

  it("shows a closure request to the manager and keeps it with the lead until signed off (rule 8.1)", () => {
    expect(worklistsFor({ state: "closure-requested", leadWorkerId: "w1" })).toEqual(["closure-sign-off", "worker~w1"]);
  });

  it("takes a closed case off every list", () => {
    expect(worklistsFor({ state: "closed", leadWorkerId: "w1", referrer: { confirmed: false } })).toEqual([]);
  });
});
