import { describe, expect, it } from "vitest";
import {
  localTimescales,
  readCentreSettings,
  updateCentreSettings,
} from "../../../../src/app/settings/centre-settings.js";
import { loadProfile, PROFILE_IDS } from "../../../../src/policy/profiles/index.js";
import { memoryApp } from "../memory-app.js";

const admin = { actor: { kind: "staff", id: "admin-1" }, roles: ["admin"], staffId: "admin-1" } as const;
const bexleyApp = () => ({ ...memoryApp("2026-06-10T09:00:00.000Z"), profile: loadProfile("bexley") });

describe("Settings: the centre's own timescales (Bexley's letters to referrers)", () => {
  it("lists each local-practice timescale with the profile's default until the centre changes it", async () => {
    const deps = bexleyApp();
    const { etag } = await readCentreSettings(deps);
    const saved = await updateCentreSettings(
      deps,
      admin,
      etag,
      { localTimescales: { acknowledgement: { amount: 2, unit: "working-days" } } },
      PROFILE_IDS,
    );
    if ("status" in saved) throw new Error(saved.message);
    expect(localTimescales(deps, saved.value)).toEqual([
      {
        ruleId: "acknowledgement",
        ruleName: "Acknowledge the referrer",
        timescale: { amount: 2, unit: "working-days" },
        defaultTimescale: { amount: 1, unit: "working-days" },
      },
      {
        ruleId: "outcome-letter",
        ruleName: "Tell the referrer the outcome",
        timescale: { amount: 1, unit: "working-days" },
        defaultTimescale: { amount: 1, unit: "working-days" },
      },
    ]);
  });

  it.each([
    ["a timescale the procedure sets itself", { allocation: { amount: 2, unit: "working-days" } }],
    ["a malformed timescale", { acknowledgement: { amount: -1, unit: "fortnights" } }],
  ])("refuses %s", async (_label, localTimescales) => {
    const deps = bexleyApp();
    const { etag } = await readCentreSettings(deps);
    expect(await updateCentreSettings(deps, admin, etag, { localTimescales }, PROFILE_IDS)).toMatchObject({
      status: "refused",
      code: "SETTINGS.BAD_LOCAL_TIMESCALE",
    });
  });
});
