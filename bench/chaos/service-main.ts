import { ConfigError, loadConfig } from "../../src/compose/config.js";
import { startService } from "../../src/compose/start-service.js";
import { CHAOS_CLOCK_ENV, decodeSteps, steppedClock } from "./chaos-clock.js";

/**
 * DEV ONLY, for `npm run chaos`: the service as src/server.ts runs it, but on the run's stepped clock and with a
 * stable instance id (as an App Service instance keeps its id across process restarts). Production configuration
 * cannot reach this: it is a separate entry point under bench/, and src/ never reads FC_CHAOS_*.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.mode !== "local") throw new Error("the chaos entry point runs in local mode only");
  const clock = steppedClock(decodeSteps(process.env[CHAOS_CLOCK_ENV]));
  const instanceId = process.env.FC_CHAOS_INSTANCE_ID ?? "chaos-a";
  const service = await startService(config, { clock, instanceId });
  const stop = () => void service.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError ? `${error.message}\n` : `The chaos service stopped: ${String(error)}\n`,
  );
  process.exit(1);
});
