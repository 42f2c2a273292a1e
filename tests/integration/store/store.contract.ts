import { casesContract } from "./cases.contract.js";
import type { MakeHarness } from "./harness.js";

/** What every store (Azure Tables, in memory) promises; each adapter's test file runs it. */
export function storeContract(fresh: MakeHarness): void {
  casesContract(fresh);
}
