import { readCentreSettings } from "../../src/app/settings/centre-settings.js";
import { DEFAULT_SHARED_CARD_DETAIL, type SharedCardDetail } from "../../src/domain/privacy/shared-card-detail.js";
import type { BotDeps } from "../bot-deps.js";

/** Each bot's read of the settings under way: clicks arriving together share it rather than each reading the row. */
const reading = new WeakMap<BotDeps, Promise<SharedCardDetail>>();

/** How much the centre lets cards in group chats say about a case (Settings; default: reference and kind only). */
export function sharedCardDetail(deps: BotDeps): Promise<SharedCardDetail> {
  const underWay = reading.get(deps);
  if (underWay !== undefined) return underWay;
  const read = readCentreSettings(deps.app)
    .then((settings) => settings.value.sharedCardDetail ?? DEFAULT_SHARED_CARD_DETAIL)
    .finally(() => {
      if (reading.get(deps) === read) reading.delete(deps);
    });
  reading.set(deps, read);
  return read;
}
