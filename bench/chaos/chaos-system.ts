import { freePort, startAzurite, type RunningAzurite } from "../../dev/azurite.js";
import { spawnService, type ServiceProcess } from "../support/service-process.js";
import type { BenchStack } from "../support/stack.js";
import { sleep } from "../support/wait.js";
import { describeFault, type FaultAction } from "./fault-plan.js";

export const CHAOS_ENTRY = "bench/chaos/service-main.ts";
const START_ATTEMPTS = 10;

/**
 * The system under chaos: the bench stack's service (instance a), a second instance (b) for the last part, and
 * Azurite restarted on the same folder. Applies each planned fault and keeps every service process it started, so
 * their log counts can be read at the end.
 */
export class ChaosSystem {
  private azurite: RunningAzurite;
  private second: ServiceProcess | undefined;
  readonly processes: ServiceProcess[] = [];
  /** What each process said about letters and cards (ids and codes only), for finding a duplicate's cause. */
  readonly trail: string[] = [];
  kills = 0;
  azuriteRestarts = 0;

  constructor(
    private readonly stack: BenchStack,
    private readonly azuriteLocation: string,
    private readonly log: (line: string) => void,
  ) {
    this.azurite = stack.azurite;
    this.watch(stack.service());
  }

  private watch(process: ServiceProcess): void {
    this.processes.push(process);
    process.onLog((entry) => {
      if (/^(outbox|teams-outbox|intake)\./.test(entry.event) && entry.event !== "intake.ignored")
        this.trail.push(`${new Date().toISOString()} ${process.pid} ${JSON.stringify(entry)}`);
    });
  }

  async apply(action: FaultAction): Promise<void> {
    this.log(`  fault: ${describeFault(action)}`);
    this.trail.push(`${new Date().toISOString()} fault ${describeFault(action)}`);
    switch (action.kind) {
      case "kill-service":
        await this.stack.stopService("SIGKILL");
        this.kills++;
        await this.startA();
        return;
      case "stand-in":
        this.stack.standIn.faults.set(action.change);
        return;
      case "expire-delta-tokens":
        this.stack.standIn.faults.set({ expireDeltaTokens: true });
        return;
      case "remove-subscription":
        for (const id of this.stack.standIn.subscriptionIds()) await this.stack.standIn.faults.removeSubscription(id);
        return;
      case "reauthorization-required":
        for (const id of this.stack.standIn.subscriptionIds())
          await this.stack.standIn.faults.sendReauthorizationRequired(id);
        return;
      case "restart-azurite":
        await this.azurite.stop();
        this.azurite = await startAzurite({
          port: this.azurite.port,
          blobPort: this.azurite.blobPort,
          location: this.azuriteLocation,
        });
        this.azuriteRestarts++;
        return;
      case "start-second-instance":
        await this.startB();
        return;
    }
  }

  /** Starts instance a again; a start can fail while Azurite is restarting, so it is tried a few times. */
  private async startA(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.watch(await this.stack.startService());
        return;
      } catch (error) {
        if (attempt >= START_ATTEMPTS) throw error;
        this.log(`  instance a did not start (attempt ${attempt}); trying again`);
        await sleep(1000);
      }
    }
  }

  private async startB(): Promise<void> {
    const port = await freePort();
    const env = {
      ...this.stack.serviceEnv,
      FC_PORT: String(port),
      FC_PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      FC_CHAOS_INSTANCE_ID: "chaos-b",
    };
    this.second = await spawnService(env, undefined, CHAOS_ENTRY);
    this.watch(this.second);
  }

  /** Log events summed over every process of the run (`intake.quarantined` → 0, …). */
  events(): Record<string, number> {
    const total: Record<string, number> = {};
    for (const process of this.processes)
      for (const [event, n] of Object.entries(process.events())) total[event] = (total[event] ?? 0) + n;
    return total;
  }

  async stopServices(): Promise<void> {
    await this.second?.kill("SIGTERM");
    await this.stack.stopService("SIGTERM");
  }

  async close(): Promise<void> {
    await this.second?.kill("SIGKILL");
    await this.stack.close();
    await this.azurite.stop();
  }
}
