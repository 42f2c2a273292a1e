import { ClientSecretCredential, ManagedIdentityCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";
import { azureCredential } from "../../../src/compose/credential-from-config.js";

const graph = {
  baseUrl: "https://graph.microsoft.com/v1.0",
  notificationClientState: "x".repeat(20),
  subscriptionLifetimeMinutes: 4230,
  deltaSafetyNetMinutes: 5,
};

describe("the service's Azure identity", () => {
  it("is the named managed identity in production, never a credential chain that tries whatever it finds", () => {
    const credential = azureCredential({
      ...graph,
      useManagedIdentity: true,
      clientId: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
    });
    expect(credential).toBeInstanceOf(ManagedIdentityCredential);
  });

  it("is the app registration's secret when no managed identity is used, and none in local mode", () => {
    const registered = { ...graph, useManagedIdentity: false, tenantId: "t", clientId: "c", clientSecret: "s" };
    expect(azureCredential(registered)).toBeInstanceOf(ClientSecretCredential);
    expect(azureCredential({ ...graph, useManagedIdentity: false })).toBeUndefined();
  });
});
