import { CENTRE_SETTINGS_KEY } from "../app/settings/centre-settings.js";
import type { Profile } from "../domain/rules/profile-schema.js";
import { withLocalTimescales } from "../policy/local-practice.js";
import type { CentreSettings, RecordStore } from "../ports/records.js";
import { whenSettingsSaved } from "./when-settings-saved.js";

export interface CentreProfile {
  /** The profile in force now: the practice framework with the centre's own timescales from Settings. */
  readonly current: () => Profile;
  /** The Settings records, bringing the profile up to date whenever the centre's settings are saved through them. */
  readonly settings: RecordStore<CentreSettings>;
}

/**
 * The practice framework with the centre's local-practice timescales (Bexley's letters) as saved in Settings: read at
 * start-up and again on every save, like closure days, so a changed timescale applies to the next clock computed.
 */
export async function centreProfile(base: Profile, settings: RecordStore<CentreSettings>): Promise<CentreProfile> {
  const build = (saved: CentreSettings | undefined) => withLocalTimescales(base, saved?.localTimescales);
  let current = build((await settings.get(CENTRE_SETTINGS_KEY))?.value);
  return {
    current: () => current,
    settings: whenSettingsSaved(settings, (saved) => {
      current = build(saved);
    }),
  };
}
