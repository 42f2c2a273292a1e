/** What production runs: the service compiled by `npm run build`. */
export const SERVICE_ENTRY = "dist/src/server.js";

/**
 * How production starts the service: App Service's startup command (infra/azure.bicep) and the container's CMD
 * (Dockerfile), checked to agree (tests/deploy), and the bench's service processes. V8's old generation is capped:
 * some 80–90 MB of it is live under load, and uncapped (its limit follows the machine's memory) V8 lets garbage grow
 * it to two or three times that before collecting, which took an instance past 400 MB at 10,000 emails.
 */
export const SERVICE_COMMAND = ["node", "--max-old-space-size=192", SERVICE_ENTRY] as const;
