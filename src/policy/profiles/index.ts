import type { Profile, ProfileInput } from "../../domain/rules/profile-schema.js";
import { unknownProfile } from "../errors.js";
import { validateProfile } from "../validate-profile.js";
import { bexley } from "./bexley.js";
import { familySolutions } from "./family-solutions.js";

export const PROFILE_IDS = ["family-solutions", "bexley"] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
export const DEFAULT_PROFILE_ID: ProfileId = "family-solutions";

const sources: Record<ProfileId, ProfileInput> = { "family-solutions": familySolutions, bexley };
const loaded = new Map<ProfileId, Profile>();

const isProfileId = (id: string): id is ProfileId => (PROFILE_IDS as readonly string[]).includes(id);

/**
 * The named profile, validated on first use and cached (nothing runs at import). Throws `ProfileError`
 * POLICY.UNKNOWN_PROFILE for an id that is not listed, POLICY.INVALID_PROFILE for a profile that is broken.
 */
export function loadProfile(id: string): Profile {
  if (!isProfileId(id)) throw unknownProfile(id, PROFILE_IDS);
  const cached = loaded.get(id);
  if (cached !== undefined) return cached;
  const profile = validateProfile(sources[id]);
  loaded.set(id, profile);
  return profile;
}
