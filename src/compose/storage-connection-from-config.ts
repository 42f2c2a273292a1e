import type { Config } from "./config.js";
import { azureCredential } from "./credential-from-config.js";
import type { TableConnection } from "../store/create-table-store.js";

/**
 * How the service reaches its storage account: by its own identity (the table and blob URLs: managed identity,
 * or the app registration's secret) or by connection string (Azurite locally: its table and blob endpoints).
 */
export function storageConnectionFromConfig(config: Config): TableConnection {
  const { connectionString, accountUrl, auditBlobAccountUrl } = config.storage;
  if (accountUrl === undefined) return connectionString ?? "";
  const credential = azureCredential(config.graph);
  // config.ts refuses an account URL without an identity or a blob URL; this keeps the types honest.
  if (credential === undefined) throw new Error("FC_STORAGE_ACCOUNT_URL needs an identity to reach it by.");
  if (auditBlobAccountUrl === undefined) throw new Error("FC_STORAGE_ACCOUNT_URL needs FC_AUDIT_BLOB_ACCOUNT_URL.");
  return { accountUrl, auditBlobAccountUrl, credential };
}
