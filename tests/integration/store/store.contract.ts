import { caseReadsContract } from "./case-reads.contract.js";
import { casesContract } from "./cases.contract.js";
import { complianceContract } from "./compliance.contract.js";
import { coordinationContract } from "./coordination.contract.js";
import type { MakeHarness } from "./harness.js";
import { heldOutboxContract } from "./held-outbox.contract.js";
import { indexesContract } from "./indexes.contract.js";

/** What every store (Azure Tables, in memory) promises; each adapter's test file runs it. */
export function storeContract(fresh: MakeHarness): void {
  casesContract(fresh);
  caseReadsContract(fresh);
  indexesContract(fresh);
  coordinationContract(fresh);
  heldOutboxContract(fresh);
  complianceContract(fresh);
}
