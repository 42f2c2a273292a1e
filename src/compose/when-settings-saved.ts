import { CENTRE_SETTINGS_KEY } from "../app/settings/centre-settings.js";
import type { CentreSettings, RecordStore } from "../ports/records.js";

/** The Settings records, calling `onSaved` with the centre's settings each time they are saved through them. */
export function whenSettingsSaved(
  settings: RecordStore<CentreSettings>,
  onSaved: (saved: CentreSettings) => void,
): RecordStore<CentreSettings> {
  return {
    get: (key) => settings.get(key),
    list: () => settings.list(),
    delete: (key, etag) => settings.delete(key, etag),
    async put(key, value, etag) {
      const written = await settings.put(key, value, etag);
      if (key === CENTRE_SETTINGS_KEY) onSaved(written.value);
      return written;
    },
  };
}
