import { adaptiveCard, type AdaptiveCardJson } from "./card-json.js";
import { text } from "./elements/text.js";

/**
 * What a card posted about a case says once the retention run has deleted the case: nothing of the case itself
 * (not even its reference), only that its record was removed under the centre's retention schedule.
 */
export function removedUnderRetentionCard(): AdaptiveCardJson {
  return adaptiveCard([
    text("Record removed", { weight: "bolder" }),
    text(
      "This card was about a case whose record has been deleted under the centre's retention schedule. " +
        "Nothing about it is held any more.",
    ),
  ]);
}
