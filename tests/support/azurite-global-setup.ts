import type { TestProject } from "vitest/node";
import { startAzurite } from "../../dev/azurite.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the real Azurite Table service these tests run against. */
    azuriteConnectionString: string;
  }
}

/** Starts one real Azurite Table service (in memory) for the whole test run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startAzurite();
  project.provide("azuriteConnectionString", azurite.connectionString);
  return () => azurite.stop();
}
