import { RestError, type ContainerClient } from "@azure/storage-blob";
import type { AppendBlobs } from "./append-blobs.js";
import { AuditUnavailableError } from "./errors.js";

const why = (error: unknown): string =>
  error instanceof RestError ? (error.code ?? `status ${error.statusCode}`) : String(error);

/**
 * Append blobs in one container (Azure Blob Storage, or Azurite's blob service locally). Only two writes are
 * made: Put Blob with `If-None-Match: *` (create if absent: an existing blob is never replaced) and Append Block.
 * In Azure the container's time-based immutability policy (with protected append writes) also refuses any
 * overwrite or delete; Azurite does not enforce that policy, so locally this adapter's API is the protection.
 */
export function azureAppendBlobs(container: ContainerClient): AppendBlobs {
  const created = new Set<string>();
  return {
    async append(name, text) {
      const blob = container.getAppendBlobClient(name);
      const body = Buffer.from(text, "utf8");
      try {
        if (!created.has(name)) {
          await blob.createIfNotExists();
          created.add(name);
        }
        if (body.length > 0) await blob.appendBlock(body, body.length);
      } catch (error) {
        created.delete(name);
        throw new AuditUnavailableError(`appending to ${container.containerName}/${name}: ${why(error)}`, {
          cause: error,
        });
      }
    },
    async read(name) {
      try {
        return (await container.getBlobClient(name).downloadToBuffer()).toString("utf8");
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return undefined;
        throw new AuditUnavailableError(`reading ${container.containerName}/${name}: ${why(error)}`, {
          cause: error,
        });
      }
    },
  };
}

/** Creates the container where the service may (Azurite, or an account key); in Azure, infra/ creates it. */
export async function ensureAuditContainer(container: ContainerClient): Promise<void> {
  try {
    await container.createIfNotExists();
  } catch (error) {
    throw new AuditUnavailableError(`creating container ${container.containerName}: ${why(error)}`, { cause: error });
  }
}
