import type { FrontDoorDeps } from "../app/front-door/front-door.js";
import type { AppDeps } from "../app/app-deps.js";
import type { RecordStore, StaffMember } from "../ports/records.js";
import type { Clock } from "../ports/clock.js";
import type { TokenPolicy } from "./auth/verify-token.js";
import type { SignInConfig } from "./contract.js";

/** What the API needs: the use cases' ports, how to check tokens, and what the tab is told about the service. */
export interface ApiDeps {
  readonly app: AppDeps;
  readonly tokens: TokenPolicy;
  /** Profiles an admin may choose in Settings. */
  readonly profiles: readonly { readonly id: string; readonly name: string }[];
  /** Local mode (development tokens): the tab shows a banner and the user switcher. */
  readonly localMode: boolean;
  /** The tab's nested app authentication settings (production); none in local mode. */
  readonly signIn?: SignInConfig;
  /** The county's staff list: a county manager on it, on no list of this centre's, reads its figures. */
  readonly countyStaff?: Pick<RecordStore<StaffMember>, "get">;
}

/** What the county-wide routes need: the one token policy every centre's API shares, each centre, the county's list. */
export interface CountyApiDeps {
  readonly tokens: TokenPolicy;
  readonly clock: Clock;
  /** Every centre served, the first first. */
  readonly centres: readonly { readonly id: string; readonly app: AppDeps }[];
  readonly countyStaff: Pick<RecordStore<StaffMember>, "get">;
  /** The county's shared Front Door address, where there is one (its triage queue). */
  readonly frontDoor?: FrontDoorDeps;
}
