import type { AppDeps } from "../app/app-deps.js";
import type { CentreSettings, RecordStore, StaffMember } from "../ports/records.js";
import type { ComplianceIndex } from "../ports/indexes.js";
import type { DevTokens } from "./auth/dev-tokens.js";
import type { TokenPolicy } from "./auth/verify-token.js";

/** What the API needs: the use cases' ports, the staff and settings records, and how to check tokens. */
export interface ApiDeps {
  readonly app: AppDeps;
  readonly staff: RecordStore<StaffMember>;
  readonly settings: RecordStore<CentreSettings>;
  readonly compliance: ComplianceIndex;
  readonly tokens: TokenPolicy;
  /** Present in local mode only: the development token issuer and the user switcher's routes. */
  readonly devTokens?: DevTokens;
  /** Profiles an admin may choose in Settings. */
  readonly profiles: readonly { readonly id: string; readonly name: string }[];
}
