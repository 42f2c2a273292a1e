import { readCentreSettings } from "../../src/app/settings/centre-settings.js";
import { DEFAULT_SHARED_CARD_DETAIL, type SharedCardDetail } from "../../src/domain/privacy/shared-card-detail.js";
import type { BotDeps } from "../bot-deps.js";

/** How much the centre lets cards in group chats say about a case (Settings; default: reference and kind only). */
export async function sharedCardDetail(deps: BotDeps): Promise<SharedCardDetail> {
  return (await readCentreSettings(deps.app)).value.sharedCardDetail ?? DEFAULT_SHARED_CARD_DETAIL;
}
