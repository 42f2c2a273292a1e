import { beforeEach, describe, expect, it, vi } from "vitest";
import { nestedOrLegacyToken } from "../../../../tab/src/host/nested-auth.js";

// MSAL's nestable client talks to the host through a bridge only Teams and Outlook provide: here it is stood in
// for, to prove which call the tab makes when, and how it asks again when the host needs the person.
const calls: string[] = [];
let silentFails = false;
class InteractionRequiredAuthError extends Error {}
vi.mock("@azure/msal-browser", () => ({
  InteractionRequiredAuthError,
  createNestablePublicClientApplication: async (configuration: { auth: { clientId: string; authority: string } }) => {
    calls.push(`create ${configuration.auth.clientId} ${configuration.auth.authority}`);
    return {
      getActiveAccount: () => null,
      getAllAccounts: () => [],
      acquireTokenSilent: async (request: { scopes: string[] }) => {
        calls.push(`silent ${request.scopes.join(" ")}`);
        if (silentFails) throw new InteractionRequiredAuthError("consent_required");
        return { accessToken: "naa-token" };
      },
      acquireTokenPopup: async (request: { scopes: string[] }) => {
        calls.push(`popup ${request.scopes.join(" ")}`);
        return { accessToken: "naa-token-after-prompt" };
      },
    };
  },
}));

const config = { clientId: "tab-app", tenantId: "tenant-1", scope: "api://fc.example/tab-app/access_as_user" };
const legacy = vi.fn(async () => "legacy-token");

beforeEach(() => {
  calls.length = 0;
  silentFails = false;
  legacy.mockClear();
});

describe("the tab's token for the API", () => {
  it("comes by nested app authentication, for the tab's own registration and the API's scope", async () => {
    const token = nestedOrLegacyToken(config, true, legacy);
    expect(await token()).toBe("naa-token");
    expect(calls).toEqual([
      "create tab-app https://login.microsoftonline.com/tenant-1",
      "silent api://fc.example/tab-app/access_as_user",
    ]);
    expect(legacy).not.toHaveBeenCalled();
  });

  it("asks through the host's prompt when consent or MFA is needed", async () => {
    silentFails = true;
    expect(await nestedOrLegacyToken(config, true, legacy)()).toBe("naa-token-after-prompt");
    expect(calls.at(-1)).toBe("popup api://fc.example/tab-app/access_as_user");
  });

  it("falls back to the host's older call where the host lacks nested app authentication, or the service has no settings", async () => {
    expect(await nestedOrLegacyToken(config, false, legacy)()).toBe("legacy-token");
    expect(await nestedOrLegacyToken(undefined, true, legacy)()).toBe("legacy-token");
    expect(calls).toEqual([]);
  });
});
