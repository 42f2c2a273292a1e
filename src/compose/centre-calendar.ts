import { CENTRE_SETTINGS_KEY } from "../app/settings/centre-settings.js";
import type { PracticeConfig } from "./config.js";
import type { CentreSettings, RecordStore } from "../ports/records.js";
import type { Clock } from "../ports/clock.js";
import { calendarFromConfig } from "./calendar-from-config.js";
import { LiveCalendar } from "./live-calendar.js";
import { whenSettingsSaved } from "./when-settings-saved.js";

export interface CentreCalendar {
  readonly calendar: LiveCalendar;
  /** The Settings records, rebuilding the calendar whenever the centre's settings are saved through them. */
  readonly settings: RecordStore<CentreSettings>;
}

/**
 * The calendar from configuration merged with the centre's saved Settings, read at start-up and rebuilt on every
 * save, so an imported bank holiday or a new closure day moves deadlines at once, without a restart. (Another
 * instance of the service picks the change up when it next starts.)
 */
export async function centreCalendar(
  practice: PracticeConfig,
  settings: RecordStore<CentreSettings>,
  clock: Clock,
): Promise<CentreCalendar> {
  const build = (saved: CentreSettings | undefined) => calendarFromConfig(practice, clock.now(), saved);
  const calendar = new LiveCalendar(build((await settings.get(CENTRE_SETTINGS_KEY))?.value));
  return { calendar, settings: whenSettingsSaved(settings, (saved) => calendar.replace(build(saved))) };
}
