import { describe, expect, it } from "vitest";
import { isKnownPlaceholder, placeholdersIn } from "../../../src/policy/placeholders.js";
import { loadProfile, PROFILE_IDS } from "../../../src/policy/profiles/index.js";

const templates = PROFILE_IDS.flatMap((id) => {
  const { emails } = loadProfile(id);
  return [
    { profile: id, template: "acknowledgement", ...emails.acknowledgement },
    ...Object.entries(emails.outcomes).map(([template, t]) => ({ profile: id, template, ...t })),
  ];
});

describe("email templates", () => {
  it("finds each placeholder once, spaces allowed", () => {
    expect(placeholdersIn("Dear {{ referrerName }}, ref {{caseReference}} ({{caseReference}})")).toEqual([
      "referrerName",
      "caseReference",
    ]);
  });

  describe.each(templates)("$profile $template", ({ subject, body }) => {
    it("uses only known placeholders", () => {
      expect([...placeholdersIn(subject), ...placeholdersIn(body)].filter((p) => !isKnownPlaceholder(p))).toEqual([]);
    });

    it("never names a child in the subject: only the case reference identifies it", () => {
      expect(placeholdersIn(subject)).toEqual(["caseReference"]);
    });

    it("greets the referrer and quotes the case reference", () => {
      expect(body).toMatch(/^Dear \{\{referrerName\}\},/);
      expect(body).toContain("{{caseReference}}");
    });
  });

  describe("rule 1.2 acknowledgement", () => {
    it.each(PROFILE_IDS)("%s: confirms receipt at the centre and says when the outcome will be sent", (id) => {
      const { body } = loadProfile(id).emails.acknowledgement;
      for (const placeholder of ["centreName", "receivedDate", "screeningOutcomeBy"]) {
        expect(body).toContain(`{{${placeholder}}}`);
      }
    });
  });
});
