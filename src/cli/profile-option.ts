import type { Profile } from "../domain/rules/profile-schema.js";
import { ProfileError } from "../policy/errors.js";
import { DEFAULT_PROFILE_ID, loadProfile } from "../policy/profiles/index.js";
import { CliUsageError } from "./errors.js";

/** The practice framework named by `--profile`, or the default one. An unknown name is a usage error. */
export function profileOption(id: string | undefined): Profile {
  try {
    return loadProfile(id ?? DEFAULT_PROFILE_ID);
  } catch (error) {
    if (error instanceof ProfileError && error.code === "POLICY.UNKNOWN_PROFILE") {
      throw new CliUsageError(error.message);
    }
    throw error;
  }
}
