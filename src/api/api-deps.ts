import type { AppDeps } from "../app/app-deps.js";
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
}
