import { describe, expect, it } from "vitest";
import { caseLink } from "../../../../bot/presenters/tab-links.js";

const APP_ID = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

describe("links from a card into the tab (issue 20)", () => {
  it("are Teams deep links to the personal tab, the case's route as subEntityId, the tab's URL as webUrl", () => {
    const link = new URL(
      caseLink({ tabUrl: "https://fc.council.example/tab/", teamsAppId: APP_ID }, "triage", "FC-2026-000123"),
    );
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/triage`);
    expect(JSON.parse(link.searchParams.get("context") ?? "")).toEqual({ subEntityId: "case/FC-2026-000123" });
    expect(link.searchParams.get("webUrl")).toBe("https://fc.council.example/tab/#/case/FC-2026-000123");
    expect(link.searchParams.get("label")).toBe("Case FC-2026-000123");
  });

  it("are the tab's own URL where there is no Teams app (local mode)", () => {
    expect(caseLink({ tabUrl: "http://127.0.0.1:3978/tab/" }, "triage", "FC-2026-000123")).toBe(
      "http://127.0.0.1:3978/tab/#/case/FC-2026-000123",
    );
  });
});
