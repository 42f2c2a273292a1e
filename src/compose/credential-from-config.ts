import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from "@azure/identity";
import type { Config } from "./config.js";

/**
 * The service's own Azure identity, named explicitly (never `DefaultAzureCredential`, which would try whatever the
 * environment offers: a developer's CLI login, environment variables, an IMDS endpoint): the managed identity
 * (user-assigned, named by FC_CLIENT_ID), or the app registration's secret. None in local mode.
 */
export function azureCredential(graph: Config["graph"]): TokenCredential | undefined {
  if (graph.useManagedIdentity)
    return new ManagedIdentityCredential(graph.clientId ? { clientId: graph.clientId } : {});
  if (graph.tenantId && graph.clientId && graph.clientSecret) {
    return new ClientSecretCredential(graph.tenantId, graph.clientId, graph.clientSecret);
  }
  return undefined;
}
